using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Core.Tests.Playbooks.Fakes;

/// <summary>A step catalogue with the built-in step types' descriptors and a few fake gateway/browser ones with v2 aliases.</summary>
public sealed class TestCatalog : IStepCatalog
{
    private static readonly string[] LogLevels = ["debug", "info", "warning", "error"];

    public static readonly IReadOnlyList<StepTypeDescriptor> BuiltIns =
    [
        new("utility.wait", "utility", "Waits a number of seconds.",
            [new StepParameterSchema("seconds", StepParameterType.Float, Default: 1.0)],
            Aliases: [new StepTypeAlias("utility.sleep")]),
        new("utility.log", "utility", "Writes a log line.",
            [
                new StepParameterSchema("message", StepParameterType.String, Required: true),
                new StepParameterSchema("level", StepParameterType.String, Default: "info", AllowedValues: LogLevels),
            ],
            Outputs: [new StepOutputSchema("message", StepParameterType.String)]),
        new("utility.set_variable", "utility", "Sets an execution variable.",
            [
                new StepParameterSchema("name", StepParameterType.String, Required: true),
                new StepParameterSchema("value", StepParameterType.Any, Required: true),
            ],
            Outputs: [new StepOutputSchema("name", StepParameterType.String), new StepOutputSchema("value", StepParameterType.Any)]),
        new("playbook.run", "playbook", "Runs a nested playbook.",
            [new StepParameterSchema("playbook", StepParameterType.String, Required: true)],
            Outputs: [new StepOutputSchema("status", StepParameterType.String), new StepOutputSchema("steps", StepParameterType.List)],
            AllowAdditionalParameters: true),
        new("debug.breakpoint", "debug", "Pauses in debug mode.",
            [new StepParameterSchema("message", StepParameterType.String)]),
    ];

    /// <summary>Milliseconds (v2 browser timeouts) to seconds (v3).</summary>
    private static IReadOnlyDictionary<string, object?> MillisecondsToSeconds(IReadOnlyDictionary<string, object?> parameters)
    {
        var copy = parameters.ToDictionary(p => p.Key, p => p.Value);
        if (copy.TryGetValue("timeout", out var value) && value is long or double)
            copy["timeout"] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) / 1000.0;
        return copy;
    }

    public static readonly IReadOnlyList<StepTypeDescriptor> Fakes =
    [
        new("perspective.navigate", "perspective", "Opens a URL.",
            [new StepParameterSchema("url", StepParameterType.String, Required: true), new StepParameterSchema("wait_until", StepParameterType.String)],
            Aliases: [new StepTypeAlias("browser.navigate")]),
        new("perspective.click", "perspective", "Clicks an element.",
            [new StepParameterSchema("selector", StepParameterType.String, Required: true), new StepParameterSchema("timeout", StepParameterType.Float)],
            Aliases: [new StepTypeAlias("browser.click", Transform: MillisecondsToSeconds)]),
        new("perspective.wait", "perspective", "Waits for an element.",
            [new StepParameterSchema("selector", StepParameterType.String, Required: true), new StepParameterSchema("timeout", StepParameterType.Float)],
            Aliases: [new StepTypeAlias("browser.wait", Transform: MillisecondsToSeconds)]),
        new("perspective.fill", "perspective", "Types into a field.",
            [new StepParameterSchema("selector", StepParameterType.String, Required: true), new StepParameterSchema("value", StepParameterType.String, Required: true)],
            Aliases: [new StepTypeAlias("browser.fill")]),
        new("perspective.screenshot", "perspective", "Takes a screenshot.",
            [new StepParameterSchema("name", StepParameterType.String), new StepParameterSchema("full_page", StepParameterType.Boolean)],
            Outputs: [new StepOutputSchema("path", StepParameterType.File)],
            Aliases: [new StepTypeAlias("browser.screenshot", new Dictionary<string, string> { ["path"] = "name" })]),
        new("perspective.verify", "perspective", "Checks an element exists (or not).",
            [new StepParameterSchema("selector", StepParameterType.String, Required: true), new StepParameterSchema("exists", StepParameterType.Boolean)],
            Aliases: [new StepTypeAlias("browser.verify")]),
        new("gateway.login", "gateway", "Logs in to a gateway.",
            [
                new StepParameterSchema("url", StepParameterType.String, Required: true),
                new StepParameterSchema("username", StepParameterType.String, Required: true),
                new StepParameterSchema("password", StepParameterType.String, Required: true, Secret: true),
            ]),
        new("gateway.health_check", "gateway", "Reads the gateway's health.",
            [new StepParameterSchema("url", StepParameterType.String)],
            Outputs: [new StepOutputSchema("healthy", StepParameterType.Boolean), new StepOutputSchema("projects", StepParameterType.List)],
            Aliases: [new StepTypeAlias("gateway.get_health")]),
        new("gateway.list_projects", "gateway", "Lists projects.",
            [new StepParameterSchema("url", StepParameterType.String), new StepParameterSchema("limit", StepParameterType.Integer)],
            Outputs: [new StepOutputSchema("projects", StepParameterType.List)]),
    ];

    private readonly List<StepTypeDescriptor> _descriptors;

    public TestCatalog(bool includeFakes = true) =>
        _descriptors = includeFakes ? [.. BuiltIns, .. Fakes] : [.. BuiltIns];

    public IReadOnlyCollection<StepTypeDescriptor> Descriptors => _descriptors;

    public StepTypeLookup Lookup(string typeName)
    {
        if (_descriptors.FirstOrDefault(d => d.Type == typeName) is { } direct) return new StepTypeLookup(direct, null);
        foreach (var descriptor in _descriptors)
            if (descriptor.AliasList.FirstOrDefault(a => a.Name == typeName) is { } alias) return new StepTypeLookup(descriptor, alias);
        return new StepTypeLookup(null, null);
    }

    public IStepPlugin? GetPlugin(string canonicalType) => null;
}
