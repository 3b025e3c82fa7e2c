namespace IgnitionToolkit.Core.Plugins;

public enum StepOutcome { Completed, Failed, Skipped }

public sealed record StepResult(StepOutcome Outcome, IReadOnlyDictionary<string, object?> Outputs, string? Error = null)
{
    private static readonly IReadOnlyDictionary<string, object?> NoOutputs = new Dictionary<string, object?>();

    public static StepResult Completed(IReadOnlyDictionary<string, object?>? outputs = null) =>
        new(StepOutcome.Completed, outputs ?? NoOutputs);

    public static StepResult Failed(string error, IReadOnlyDictionary<string, object?>? outputs = null) =>
        new(StepOutcome.Failed, outputs ?? NoOutputs, error);
}
