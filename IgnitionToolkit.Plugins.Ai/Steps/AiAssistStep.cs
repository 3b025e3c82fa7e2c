using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Providers;
using Microsoft.Extensions.AI;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.assist</c>: a free question with the execution's context (parameters, outputs so far, variables),
/// optionally about a screenshot (v2: <c>ai.analyze</c> with <c>question</c>).</summary>
public sealed class AiAssistStep(AiSettings settings) : IStepPlugin
{
    private const int MaxContextCharacters = 20_000;

    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.assist", AiStepSupport.Category,
        "Asks the AI model a question with the execution's context (parameters, step outputs so far, variables; secrets masked), optionally about a screenshot.",
        [
            new StepParameterSchema("prompt", StepParameterType.String, Description: "The question."),
            new StepParameterSchema("question", StepParameterType.String, Description: "v2 name of 'prompt'."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model."),
            new StepParameterSchema("screenshot", StepParameterType.String, Description: "An image to show the model: a file path or an artifact name of this execution."),
        ],
        Outputs: [new StepOutputSchema("answer", StepParameterType.String), AiStepSupport.UsageOutput],
        Aliases: [new StepTypeAlias("ai.analyze")])
    {
        DisabledReason = AiStepSupport.Disabled(settings),
    };

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) => AiStepSupport.RunAsync(context, async chat =>
    {
        var prompt = context.Get<string>("prompt") ?? context.Get<string>("question")
            ?? throw new StepParameterException("prompt", "give 'prompt' (or the v2 'question')");
        context.Parameters.TryGetValue("context", out var facts);
        var execution = AiStepSupport.Describe(new Dictionary<string, object?>
        {
            ["parameters"] = context.PlaybookParameters,
            ["step_outputs"] = context.StepOutputs,
            ["variables"] = context.Variables,
        });
        if (execution.Length > MaxContextCharacters) execution = execution[..MaxContextCharacters] + "\n…(cut)";
        var contents = new List<AIContent> { new TextContent($"{prompt}\n\nContext:\n{AiStepSupport.Describe(facts)}\n\nThe execution so far:\n{execution}") };
        if (context.Get<string>("screenshot") is { Length: > 0 } screenshot)
            contents.Add(await AiStepSupport.ImageAsync(context, "screenshot", screenshot, cancellationToken));
        var answer = await chat.AskAsync([new ChatMessage(ChatRole.System, AiStepSupport.System), new ChatMessage(ChatRole.User, contents)], cancellationToken);
        return StepResult.Completed(AiStepSupport.Outputs(chat, ("answer", answer)));
    });
}
