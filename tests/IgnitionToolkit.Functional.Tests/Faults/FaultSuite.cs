using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using Xunit.Abstractions;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Functional.Tests.Faults;

/// <summary>The fault suite (issue #15, docs/reliability.md): one scenario at a time, never two in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class FaultSuite
{
    public const string Name = "fault suite";

    /// <summary>Five steps; the fault is injected while <c>nap</c> runs. <c>hold</c> keeps the execution running until the
    /// test skips it, so what happens after the fault does not depend on how fast the machine is.</summary>
    public const string StepsPlaybook = "faults/steps.yaml";

    /// <summary>One log step: the load run.</summary>
    public const string QuickPlaybook = "faults/quick.yaml";

    public static void WritePlaybooks(ToolkitStack stack)
    {
        var folder = Directory.CreateDirectory(Path.Combine(stack.Library, "faults")).FullName;
        File.WriteAllText(Path.Combine(folder, "steps.yaml"), """
            name: Fault steps
            version: "1.0"
            parameters:
              - { name: nap, type: float, required: false, default: 0 }
              - { name: hold, type: float, required: false, default: 0 }
            steps:
              - { id: before, name: Before, type: utility.log, parameters: { message: "before the nap" } }
              - { id: nap, name: Nap, type: utility.wait, parameters: { seconds: "{{ parameter.nap }}" }, timeout: 3600 }
              - { id: middle, name: Middle, type: utility.log, parameters: { message: "between the waits" } }
              - { id: hold, name: Hold, type: utility.wait, parameters: { seconds: "{{ parameter.hold }}" }, timeout: 3600 }
              - { id: after, name: After, type: utility.log, parameters: { message: "after the hold" } }
            """);
        File.WriteAllText(Path.Combine(folder, "quick.yaml"), """
            name: Quick
            version: "1.0"
            steps:
              - { id: hello, name: Hello, type: utility.log, parameters: { message: "quick run" } }
            """);
    }

    /// <summary>Prints the scenario's one-line figure to the test output and to stdout, greppable as <c>FAULT-FIGURE</c>.</summary>
    public static void Figure(ITestOutputHelper output, string scenario, string text)
    {
        var line = $"FAULT-FIGURE {scenario}: {text}";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static Stopwatch Clock() => Stopwatch.StartNew();

    /// <summary>Tracks the stack's services and all their children as they are now (call again after a change).</summary>
    public static void Track(ProcessCensus census, ToolkitStack stack)
    {
        census.Track([.. stack.Runners.Where(r => !r.HasExited).Select(r => r.Id)]);
        if (!stack.Api.HasExited) census.Track(stack.Api.Id);
    }

    /// <summary>After everything was disposed: the tracked processes that still run (none expected).</summary>
    public static async Task<int> LeftoversAsync(ProcessCensus census)
    {
        var left = await census.WaitGoneAsync(TimeSpan.FromSeconds(60));
        Assert.True(left.Count == 0, $"{left.Count} process(es) left behind:\n{ProcessCensus.Describe(left)}");
        return left.Count;
    }

    public static JsonNode? Step(JsonNode execution, string path) =>
        execution["steps"]!.AsArray().FirstOrDefault(s => s!["step_path"]!.GetValue<string>() == path);

    public static string? StepStatus(JsonNode execution, string path) => Step(execution, path)?["status"]?.GetValue<string>();

    public static long LastSequence(JsonNode execution) => execution["execution"]!["last_sequence"]!.GetValue<long>();

    /// <summary>Nothing lost: the execution reached <paramref name="status"/> through the Runner's own final event, the
    /// same steps as the fault-free <paramref name="reference"/> run are recorded and none is left running, each step
    /// has at least the reference's log lines, and the applied events have no gap or duplicate.</summary>
    public static void AssertComplete(JsonNode execution, JsonNode reference, string status = "completed")
    {
        var text = execution.ToJsonString();
        Assert.True(ToolkitStack.Status(execution) == status, text);
        Assert.Equal(StepPaths(reference), StepPaths(execution));
        Assert.DoesNotContain(execution["steps"]!.AsArray(), s => s!["status"]!.GetValue<string>() is "running" or "pending");
        foreach (var step in StepPaths(reference))
            Assert.True(LogCount(execution, step) >= LogCount(reference, step), $"log lines of step '{step}' missing: {text}");
        Assert.True(LastSequence(execution) >= LastSequence(reference), text);
        var sequences = execution["logs"]!.AsArray().Select(l => l!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        Assert.All(sequences, s => Assert.InRange(s, 1, LastSequence(execution)));
    }

    private static List<string> StepPaths(JsonNode execution) =>
        [.. execution["steps"]!.AsArray().Select(s => s!["step_path"]!.GetValue<string>())];

    private static int LogCount(JsonNode execution, string step) =>
        execution["logs"]!.AsArray().Count(l => l!["step_path"]?.GetValue<string>() == step);

    /// <summary>Waits until the execution has a final status (whichever) and returns it: a wrong one fails at once.</summary>
    public static Task<JsonNode> WaitFinishedAsync(ToolkitStack stack, Guid id, double timeoutSeconds = 120) =>
        stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed" or "cancelled" or "interrupted", timeoutSeconds);

    /// <summary>Starts the fault-free reference run (no waits) and returns it completed.</summary>
    public static async Task<JsonNode> ReferenceAsync(ToolkitStack stack)
    {
        var id = await stack.StartExecutionAsync(StepsPlaybook);
        return await stack.WaitForStatusAsync(id, "completed", timeoutSeconds: 120);
    }
}
