using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Chat;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Steps;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Plugins.Ai.Verdicts;

/// <summary>The verdict the model returns through structured output.</summary>
public sealed record AiVerdict(bool Pass, double Confidence, List<string> Reasons);

/// <summary>The one owner of AI verdicts: the prompt, the structured answer, the confidence threshold and the outcome
/// (for <c>ai.validate</c> and <c>perspective.verify_with_ai</c>).</summary>
internal sealed class AiJudge(AiSettings settings) : IAiJudge
{
    private const string System = AiStepSupport.System + " You judge test results against an expectation. Give pass (true only when " +
        "the actual result clearly meets the expectation), confidence (0 to 1) and one or more short reasons.";

    public string? DisabledReason => AiStepSupport.Disabled(settings);

    public Task<StepResult> JudgeAsync(StepContext context, AiJudgement judgement, CancellationToken cancellationToken) =>
        AiStepSupport.RunAsync(context, async chat =>
        {
            if (judgement.Threshold is < 0 or > 1) throw new StepParameterException("threshold", "'threshold' must be between 0 and 1");
            var contents = new List<AIContent>
            {
                new TextContent($"Expectation:\n{judgement.Expected}\n\nActual result:\n{(judgement.Actual is null ? "(see the image)" : AiStepSupport.Describe(judgement.Actual))}\n\nContext:\n{AiStepSupport.Describe(judgement.Facts)}"),
            };
            if (judgement.Image is { } image) contents.Add(new DataContent(image.Content, image.MediaType));
            var verdict = await chat.AskAsync<AiVerdict>([new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, contents)],
                "a verdict {pass, confidence, reasons}", cancellationToken);

            var confidence = Math.Clamp(verdict.Confidence, 0, 1);
            var reasons = verdict.Reasons ?? [];
            var reason = string.Join("; ", reasons);
            var passed = verdict.Pass && confidence >= judgement.Threshold;
            var outputs = AiStepSupport.Outputs(chat, ("passed", passed), ("confidence", confidence), ("reasons", reasons.Cast<object?>().ToList()), ("reason", reason));
            var summary = string.Create(CultureInfo.InvariantCulture, $"{(verdict.Pass ? "pass" : "fail")} with confidence {confidence:0.##}");
            context.Logger.LogStep($"AI verdict: {summary} — {reason}");
            if (passed || !judgement.FailOnMismatch) return StepResult.Completed(outputs);
            return StepResult.Failed(verdict.Pass
                ? string.Create(CultureInfo.InvariantCulture, $"the AI judged the result passes but is not confident enough ({confidence:0.##} < threshold {judgement.Threshold:0.##}): {reason}")
                : $"the AI judged the result does not meet the expectation ({summary}): {reason}", outputs);
        });
}
