using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Verdicts;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.validate</c>: asks the model whether the actual result (text, a step's outputs, a screenshot) meets the
/// expectation; a verdict that fails, or passes with less confidence than <c>threshold</c>, fails the step. The verdict is
/// <see cref="AiJudge"/>'s.</summary>
public sealed class AiValidateStep(AiSettings settings, IAiJudge judge) : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.validate", AiStepSupport.Category,
        "Asks the AI model whether the actual result (text, a step's outputs, or a screenshot) meets the expectation; returns a structured verdict.",
        [
            new StepParameterSchema("expected", StepParameterType.String, Required: true, Description: "What should be true."),
            new StepParameterSchema("actual", StepParameterType.Any, Description: "What was observed (text, a step output such as {{ step.read.value }}...)."),
            new StepParameterSchema("screenshot", StepParameterType.String, Description: "An image to judge: a file path or an artifact name of this execution (PNG, JPEG)."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model."),
            new StepParameterSchema("threshold", StepParameterType.Float, Default: 0.7, Description: "Lowest confidence (0–1) at which a passing verdict passes the step."),
            new StepParameterSchema("fail_on_mismatch", StepParameterType.Boolean, Default: true, Description: "Fail the step when the verdict does not pass."),
        ],
        Outputs: AiVerdictOutputs.All)
    {
        DisabledReason = AiStepSupport.Disabled(settings),
    };

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var expected = context.GetRequiredString("expected");
        context.Parameters.TryGetValue("actual", out var actual);
        context.Parameters.TryGetValue("context", out var facts);
        var screenshot = context.Get<string>("screenshot");
        if (actual is null && string.IsNullOrEmpty(screenshot))
            throw new StepParameterException("actual", "give 'actual' (text or a step's outputs) or 'screenshot' (an image) to judge");
        var threshold = context.Get<double?>("threshold") ?? 0.7;
        var image = string.IsNullOrEmpty(screenshot) ? null : await AiStepSupport.ImageAsync(context, "screenshot", screenshot, cancellationToken);
        return await judge.JudgeAsync(context, new AiJudgement(expected, actual, facts,
            image is null ? null : new AiImage(image.Data, image.MediaType ?? "image/png"),
            threshold, context.Get<bool?>("fail_on_mismatch") ?? true), cancellationToken);
    }
}
