using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;

internal sealed record Frame(Guid ExecutionId, string? StepPath, byte[] Jpeg, int Width, int Height, DateTimeOffset At);

/// <summary>Collects the live view frames a test execution publishes.</summary>
internal sealed class RecordingLiveView : ILiveViewPublisher
{
    private readonly List<Frame> _frames = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Frame> Frames { get { lock (_gate) return [.. _frames]; } }

    public ValueTask PublishFrameAsync(Guid executionId, string? stepPath, ReadOnlyMemory<byte> jpeg, int width, int height, CancellationToken cancellationToken)
    {
        lock (_gate) _frames.Add(new Frame(executionId, stepPath, jpeg.ToArray(), width, height, DateTimeOffset.UtcNow));
        return ValueTask.CompletedTask;
    }
}

internal static class Expect
{
    public static ArtifactSavedEvent Artifact(this RecordingRun run, string name) => run.Artifacts.Single(a => a.Name == name);

    public static string Failures(this RecordingRun run) => string.Join(" | ", run.Finished
        .Where(s => s.Status == StepStatus.Failed).Select(s => $"{s.StepPath}: {s.Error}"));

    public static void Completed(ExecutionStatus status, RecordingRun run) =>
        Assert.True(status == ExecutionStatus.Completed, $"execution {status}; failures: {run.Failures()}");

    /// <summary>The step failed with a message that contains <paramref name="expected"/> and is not an exception dump.</summary>
    public static string FailedWith(RecordingRun run, string step, string expected)
    {
        var finished = run.Step(step);
        Assert.Equal(StepStatus.Failed, finished.Status);
        var error = finished.Error ?? "";
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Call log", error, StringComparison.Ordinal);
        return error;
    }

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void IsPng(string path) => Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
}
