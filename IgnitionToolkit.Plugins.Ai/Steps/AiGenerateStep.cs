using System.Text;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Authoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.generate</c>: a playbook drafted from a description, validated against the step catalogue and repaired
/// with the validation errors (saved as a draft artifact, never run); or free text with <c>kind: text</c>.</summary>
public sealed class AiGenerateStep(AiSettings settings) : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.generate", AiStepSupport.Category,
        "Asks the AI model for a playbook from a description, validates it against the step catalogue and asks again with the errors " +
        "until it validates or 'max_attempts' answers were given; saves it as a draft artifact (never run). kind: text gives free text instead.",
        [
            new StepParameterSchema("prompt", StepParameterType.String, Description: "What to generate."),
            new StepParameterSchema("description", StepParameterType.String, Description: "v2 name of 'prompt'."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model (map or text)."),
            new StepParameterSchema("kind", StepParameterType.String, Default: "playbook", AllowedValues: ["playbook", "text"],
                Description: "playbook: a validated playbook draft; text: the model's answer as it is."),
            new StepParameterSchema("max_attempts", StepParameterType.Integer, Default: 3L, Description: "Answers asked for at most (the first and the repairs)."),
            new StepParameterSchema("name", StepParameterType.String, Default: "generated", Description: "File name of the draft artifact (<name>.draft.yaml)."),
        ],
        Outputs:
        [
            new StepOutputSchema("text", StepParameterType.String, "The model's answer (the playbook YAML with kind: playbook)."),
            new StepOutputSchema("valid", StepParameterType.Boolean, "The draft validates."),
            new StepOutputSchema("attempts", StepParameterType.Integer, "Answers it took."),
            new StepOutputSchema("errors", StepParameterType.List, "Validation errors of the last answer (empty when valid)."),
            new StepOutputSchema("draft", StepParameterType.String, "Artifact name of the draft playbook."),
            AiStepSupport.UsageOutput,
        ])
    {
        DisabledReason = AiStepSupport.Disabled(settings),
    };

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken) => AiStepSupport.RunAsync(context, async chat =>
    {
        var prompt = context.Get<string>("prompt") ?? context.Get<string>("description")
            ?? throw new StepParameterException("prompt", "give 'prompt' (or the v2 'description')");
        context.Parameters.TryGetValue("context", out var facts);
        if (context.Get<string>("kind") == "text")
        {
            var text = await chat.AskAsync([new ChatMessage(ChatRole.System, AiStepSupport.System),
                new ChatMessage(ChatRole.User, $"{prompt}\n\nContext:\n{AiStepSupport.Describe(facts)}")], cancellationToken);
            context.Logger.LogStep($"AI generated {text.Length} characters");
            return StepResult.Completed(AiStepSupport.Outputs(chat, ("text", text)));
        }

        var attempts = (int)(context.Get<long?>("max_attempts") ?? 3);
        if (attempts is < 1 or > 10) throw new StepParameterException("max_attempts", "'max_attempts' must be 1 to 10");
        var name = Path.GetFileName(context.Get<string>("name") is { Length: > 0 } n ? n : "generated");
        var drafter = context.Services.GetRequiredService<PlaybookDrafter>();
        var draft = await drafter.DraftAsync(chat, prompt, AiStepSupport.Describe(facts), $"{name}.draft.yaml", attempts, cancellationToken);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(draft.Yaml));
        var artifact = await context.Artifacts.SaveAsync($"{name}.draft.yaml", "application/yaml", content, cancellationToken);
        var outputs = AiStepSupport.Outputs(chat, ("text", draft.Yaml), ("valid", draft.Valid), ("attempts", (long)draft.Attempts),
            ("errors", draft.Errors.Cast<object?>().ToList()), ("draft", artifact.Name));
        context.Logger.LogStep(draft.Valid
            ? $"AI drafted a valid playbook in {draft.Attempts} attempt(s): artifact {artifact.Name} (a draft: not run)"
            : $"AI draft still invalid after {draft.Attempts} attempt(s): artifact {artifact.Name}");
        return draft.Valid
            ? StepResult.Completed(outputs)
            : StepResult.Failed($"the AI's playbook still does not validate after {draft.Attempts} attempt(s) (max_attempts); " +
                $"last errors:\n{string.Join('\n', draft.Errors.Take(10))}", outputs);
    });
}
