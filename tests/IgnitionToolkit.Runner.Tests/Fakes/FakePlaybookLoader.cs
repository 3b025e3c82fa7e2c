using System.Globalization;
using IgnitionToolkit.Core.Playbooks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IgnitionToolkit.Runner.Tests.Fakes;

/// <summary>
/// TEST FAKE — stands in for the real <c>PlaybookLoader</c> until the branches are merged (the lead then switches the
/// tests to <c>services.AddToolkitCore(...)</c>). Reads the v3 subset the tests use (name, parameters, steps with
/// id/name/type/parameters/timeout/on_failure) and reports unknown step types with line and column.
/// </summary>
public sealed class FakePlaybookLoader : IPlaybookLoader
{
    public static readonly string[] KnownTypes = ["utility.log", "utility.wait", "utility.set_variable", "playbook.run", "debug.breakpoint"];

    public PlaybookLoadResult Load(string yaml, string sourcePath, IPlaybookSource? source = null)
    {
        var diagnostics = new List<PlaybookDiagnostic>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
                return Fail(sourcePath, 1, 1, "(root)", "expected a mapping", diagnostics);
            root = map;
        }
        catch (YamlException ex)
        {
            return Fail(sourcePath, (int)ex.Start.Line, (int)ex.Start.Column, "(yaml)", ex.Message, diagnostics);
        }

        var parameters = new List<PlaybookParameter>();
        foreach (var node in Sequence(root, "parameters"))
        {
            var map = (YamlMappingNode)node;
            var type = Enum.Parse<ParameterType>(Text(map, "type") ?? "string", ignoreCase: true);
            parameters.Add(new PlaybookParameter(Text(map, "name")!, type, Text(map, "required") == "true",
                Child(map, "default") is { } d ? Value(d) : null, null, Location(sourcePath, map)));
        }

        var steps = new List<PlaybookStep>();
        var index = 0;
        foreach (var node in Sequence(root, "steps"))
        {
            var map = (YamlMappingNode)node;
            var type = Text(map, "type") ?? "";
            if (!KnownTypes.Contains(type))
            {
                var at = Child(map, "type") ?? map;
                diagnostics.Add(new PlaybookDiagnostic(DiagnosticSeverity.Error, Location(sourcePath, at), $"steps[{index}].type",
                    $"unknown step type '{type}'"));
            }
            var stepParameters = Child(map, "parameters") is YamlMappingNode p
                ? p.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Value(kv.Value))
                : new Dictionary<string, object?>();
            var id = Text(map, "id") ?? $"step_{index + 1}";
            steps.Add(new PlaybookStep(id, Text(map, "name") ?? id, type, stepParameters,
                Text(map, "on_failure") == "continue" ? FailureAction.Continue : FailureAction.Abort,
                TimeSpan.FromSeconds(double.Parse(Text(map, "timeout") ?? "300", CultureInfo.InvariantCulture)),
                0, TimeSpan.Zero, Location(sourcePath, map)));
            index++;
        }

        var playbook = new Playbook(Text(root, "name") ?? "unnamed", Text(root, "version") ?? "1.0", null, parameters, steps,
            new Dictionary<string, object?>(), sourcePath);
        return new PlaybookLoadResult(playbook, diagnostics);
    }

    private static PlaybookLoadResult Fail(string file, int line, int column, string field, string message, List<PlaybookDiagnostic> diagnostics)
    {
        diagnostics.Add(new PlaybookDiagnostic(DiagnosticSeverity.Error, new SourceLocation(file, line, column), field, message));
        return new PlaybookLoadResult(null, diagnostics);
    }

    private static SourceLocation Location(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key) =>
        Child(map, key) is YamlSequenceNode s ? s.Children : [];

    private static object? Value(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when long.TryParse(v, CultureInfo.InvariantCulture, out var l) => l,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when double.TryParse(v, CultureInfo.InvariantCulture, out var d) => d,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => s.Value == "true",
        YamlScalarNode s => s.Value,
        YamlSequenceNode s => s.Children.Select(Value).ToList(),
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Value(kv.Value)),
        _ => null,
    };
}
