using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.verify_with_ai</c> (the successor toolkit's step): takes a stable screenshot of the page, the full
/// page or one element, keeps it as an artifact, and asks the AI model whether it shows what <c>expected</c> says. The
/// verdict (prompt, threshold, outcome, usage) is the AI plugin's (<see cref="IAiJudge"/>, as <c>ai.validate</c>).</summary>
public sealed class VerifyWithAiStep(IAiJudge? judge = null) : PerspectiveStep
{
    private const string NoJudge = "the AI steps are not installed in this host (perspective.verify_with_ai asks the AI plugin for its verdict)";

    public override StepTypeDescriptor Descriptor { get; } = new("perspective.verify_with_ai", P.Category,
        "Takes a screenshot (the page, the full page or one element) and asks the AI model whether it shows what 'expected' describes; fails on a verdict that does not pass.",
        [
            new StepParameterSchema("expected", StepParameterType.String, Required: true,
                Description: "What the screen should show, in words (e.g. 'three active alarms, none unacknowledged')."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model (e.g. the tag values the screen should show)."),
            new StepParameterSchema("threshold", StepParameterType.Float, Default: 0.7, Description: "Lowest confidence (0–1) at which a passing verdict passes the step."),
            new StepParameterSchema("fail_on_mismatch", StepParameterType.Boolean, Default: true, Description: "Fail the step when the verdict does not pass."),
            new StepParameterSchema("name", StepParameterType.String, Description: "Artifact file name of the screenshot (default: <step id>.png)."),
            new StepParameterSchema("full_page", StepParameterType.Boolean, Default: false, Description: "The whole scrollable page, not only the viewport."),
            .. P.WithLocator(P.Timeout(10)),
        ],
        Outputs: P.Outputs([new StepOutputSchema("screenshot", StepParameterType.String, "Artifact name of the picture the model judged."), .. AiVerdictOutputs.All]))
    {
        DisabledReason = judge is null ? NoJudge : judge.DisabledReason,
    };

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        if (judge is null) return StepResult.Failed(NoJudge);
        var expected = context.GetRequiredString("expected");
        context.Parameters.TryGetValue("context", out var facts);
        var threshold = context.Get<double?>("threshold") ?? 0.7;

        var (png, artifact) = await PageCapture.SaveAsync(context, session, stable: true, cancellationToken);
        context.Logger.LogStep($"screenshot {artifact.Name} ({artifact.Size} bytes) sent to the AI model");

        var verdict = await judge.JudgeAsync(context, new AiJudgement(expected, null, facts, new AiImage(png, "image/png"), threshold,
            context.Get<bool?>("fail_on_mismatch") ?? true), cancellationToken);
        return verdict with { Outputs = new Dictionary<string, object?>(verdict.Outputs) { ["screenshot"] = artifact.Name } };
    }
}
