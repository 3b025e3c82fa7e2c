using System.Globalization;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins.BuiltIn.Python;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Functional.Tests.Python;

/// <summary>The real engine with <c>utility.python</c> (real CPython); playbooks written as YAML and loaded by the real loader.</summary>
internal sealed class PythonHarness
{
    public PythonHarness(PythonStepOptions? options = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(options ?? new PythonStepOptions()).BuildServiceProvider();
        Engine = new EngineHarness(services);
    }

    public EngineHarness Engine { get; }

    /// <summary>Loads a playbook; fails the test with every diagnostic when it is invalid.</summary>
    public Playbook Load(string yaml)
    {
        var result = Engine.Loader.Load(yaml, "python-test.yaml", null);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Playbook!;
    }

    public RecordingRun Start(string yaml, IReadOnlyDictionary<string, object?>? parameters = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? credentials = null) =>
        Engine.Start(Load(yaml), parameters: parameters, credentials: credentials);

    /// <summary>A playbook of one python step <c>py</c> (and more steps after it, as YAML), the script indented for YAML.</summary>
    public static string OneStep(string script, string parameters = "", string after = "", double timeoutSeconds = 120, string key = "script") =>
        $"""
        name: python test
        version: "1.0"
        {(parameters.Length == 0 ? "" : "parameters:\n" + parameters)}
        steps:
          - id: py
            type: utility.python
            timeout: {timeoutSeconds.ToString(CultureInfo.InvariantCulture)}
            on_failure: continue
            parameters:
              {key}: |
        {Indent(script, 8)}
        {after}
        """;

    public static string Indent(string text, int spaces) =>
        string.Join('\n', text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

    /// <summary>Processes (not zombies) whose command line holds <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> ProcessesWith(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
                if (cmdline.Contains(marker, StringComparison.Ordinal) && state is not ("Z" or "X")) found.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // exited meanwhile
            }
        }
        return found;
    }
}
