using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Core.Engine;

/// <summary>How one step ended inside the loop (after retries).</summary>
internal sealed record StepRunOutcome(StepStatus Status, IReadOnlyDictionary<string, object?> Outputs, string? Error, Navigation Interrupted)
{
    public static readonly IReadOnlyDictionary<string, object?> NoOutputs = new Dictionary<string, object?>();
}

/// <summary>How a playbook (top level or nested) ended.</summary>
internal sealed record FrameResult(bool Failed, string? Error, int StepsRun);
