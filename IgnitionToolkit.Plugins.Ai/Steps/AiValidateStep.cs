using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Chat;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary>The verdict the model returns through structured output.</summary>
public sealed record AiVerdict(bool Pass, double Confidence, List<string> Reasons);

/// <summary><c>ai.validate</c>: asks the model whether the actual result (text, a step's outputs, a screenshot) meets the
/// expectation; a verdict that fails, or passes with less confidence than <c>threshold</c>, fails the step.</summary>
public sealed class AiValidateStep(AiSettings settings) : IStepPlugin
{
    private const string System = AiStepSupport.System + " You judge test results against an expectation. Give pass (true only when " +
        "the actual result clearly meets the expectation), confidence (0 to 1) and one or more short reasons.";

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
        Outputs:
        [
            new StepOutputSchema("passed", StepParameterType.Boolean, "The verdict passed with at least 'threshold' confidence."),
            new StepOutputSchema("confidence", StepParameterType.Float, "The model's confidence, 0 to 1."),
            new StepOutputSchema("reasons", StepParameterType.List, "The model's reasons."),
            new StepOutputSchema("reason", StepParameterType.String, "The reasons as one text."),
            AiStepSupport.UsageOutput,
        ])
    {
        DisabledReason = AiStepSupport.Disabled(settings),
    };

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) => AiStepSupport.RunAsync(context, async chat =>
    {
        var expected = context.GetRequiredString("expected");
        context.Parameters.TryGetValue("actual", out var actual);
        context.Parameters.TryGetValue("context", out var facts);
        var screenshot = context.Get<string>("screenshot");
        if (actual is null && string.IsNullOrEmpty(screenshot))
            throw new StepParameterException("actual", "give 'actual' (text or a step's outputs) or 'screenshot' (an image) to judge");
        var threshold = context.Get<double?>("threshold") ?? 0.7;
        if (threshold is < 0 or > 1) throw new StepParameterException("threshold", "'threshold' must be between 0 and 1");

        var contents = new List<AIContent>
        {
            new TextContent($"Expectation:\n{expected}\n\nActual result:\n{(actual is null ? "(see the image)" : AiStepSupport.Describe(actual))}\n\nContext:\n{AiStepSupport.Describe(facts)}"),
        };
        if (!string.IsNullOrEmpty(screenshot)) contents.Add(await AiStepSupport.ImageAsync(context, "screenshot", screenshot, cancellationToken));
        var verdict = await chat.AskAsync<AiVerdict>([new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, contents)], "a verdict {pass, confidence, reasons}", cancellationToken);

        var confidence = Math.Clamp(verdict.Confidence, 0, 1);
        var reasons = verdict.Reasons ?? [];
        var reason = string.Join("; ", reasons);
        var passed = verdict.Pass && confidence >= threshold;
        var outputs = AiStepSupport.Outputs(chat, ("passed", passed), ("confidence", confidence), ("reasons", reasons.Cast<object?>().ToList()), ("reason", reason));
        var summary = string.Create(CultureInfo.InvariantCulture, $"{(verdict.Pass ? "pass" : "fail")} with confidence {confidence:0.##}");
        context.Logger.LogStep($"AI verdict: {summary} — {reason}");
        if (passed || !(context.Get<bool?>("fail_on_mismatch") ?? true)) return StepResult.Completed(outputs);
        return StepResult.Failed(verdict.Pass
            ? string.Create(CultureInfo.InvariantCulture, $"the AI judged the result passes but is not confident enough ({confidence:0.##} < threshold {threshold:0.##}): {reason}")
            : $"the AI judged the result does not meet the expectation ({summary}): {reason}", outputs);
    });
}
