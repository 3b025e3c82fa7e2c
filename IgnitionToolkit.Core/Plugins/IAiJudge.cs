namespace IgnitionToolkit.Core.Plugins;

/// <summary>What an AI verdict is asked to judge: the expectation, what was observed (text or values), extra facts, an
/// image, the lowest confidence that passes, and whether a verdict that does not pass fails the step.</summary>
public sealed record AiJudgement(string Expected, object? Actual, object? Facts, AiImage? Image, double Threshold, bool FailOnMismatch);

/// <summary>An image shown to the model (PNG, JPEG, GIF or WebP).</summary>
public sealed record AiImage(ReadOnlyMemory<byte> Content, string MediaType);

/// <summary>The AI verdict, owned by the AI plugin (<c>ai.validate</c>) and lent to steps of other plugins that produce
/// what is judged (<c>perspective.verify_with_ai</c> takes the screenshot). Absent from a host without the AI steps.</summary>
public interface IAiJudge
{
    /// <summary>Why AI verdicts are unavailable on this deployment (null when they are available).</summary>
    string? DisabledReason { get; }

    /// <summary>Asks the model; the result carries <c>passed</c>, <c>confidence</c>, <c>reasons</c>, <c>reason</c> and the usage.</summary>
    Task<StepResult> JudgeAsync(StepContext context, AiJudgement judgement, CancellationToken cancellationToken);
}

/// <summary>The outputs of an AI verdict, for the descriptors of every step that gives one.</summary>
public static class AiVerdictOutputs
{
    public static readonly StepOutputSchema Usage = new("usage", StepParameterType.Dict,
        "Tokens used and estimated cost: model, input_tokens, output_tokens, total_tokens, estimated_cost_usd (null without a price).");

    public static readonly IReadOnlyList<StepOutputSchema> All =
    [
        new("passed", StepParameterType.Boolean, "The verdict passed with at least 'threshold' confidence."),
        new("confidence", StepParameterType.Float, "The model's confidence, 0 to 1."),
        new("reasons", StepParameterType.List, "The model's reasons."),
        new("reason", StepParameterType.String, "The reasons as one text."),
        Usage,
    ];
}
