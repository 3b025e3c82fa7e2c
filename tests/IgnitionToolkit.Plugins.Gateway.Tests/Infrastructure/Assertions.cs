using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;

internal static class Assertions
{
    /// <summary>The step failed with a message that contains <paramref name="expected"/> and reads like a sentence, not an exception dump.</summary>
    public static string AssertFailedWith(RecordingRun run, string step, string expected)
    {
        var finished = run.Step(step);
        Assert.Equal(StepStatus.Failed, finished.Status);
        var error = finished.Error ?? "";
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return error;
    }

    public static void AssertCompleted(ExecutionStatus status, RecordingRun run)
    {
        var failed = run.Events.OfType<StepFinishedEvent>().Where(s => s.Status == StepStatus.Failed).Select(s => $"{s.StepPath}: {s.Error}");
        Assert.True(status == ExecutionStatus.Completed, $"execution {status}; failures: {string.Join(" | ", failed)}");
    }
}
