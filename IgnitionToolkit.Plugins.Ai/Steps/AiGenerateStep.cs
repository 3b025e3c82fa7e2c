using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.generate</c>: asks the model to write something (test steps, a report, a summary) from a description.</summary>
public sealed class AiGenerateStep : IStepPlugin
{
    internal const string System = "You assist engineers who commission and test Inductive Automation Ignition SCADA gateways. Answer concisely.";

    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.generate", "ai", "Asks the AI model to generate text (e.g. test steps) from a description.",
        [
            new StepParameterSchema("prompt", StepParameterType.String, Description: "What to generate."),
            new StepParameterSchema("description", StepParameterType.String, Description: "v2 name of 'prompt'."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model (map or text)."),
        ],
        Outputs: [new StepOutputSchema("text", StepParameterType.String, "The model's answer.")]);

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var prompt = context.Get<string>("prompt") ?? context.Get<string>("description")
            ?? throw new StepParameterException("prompt", "give 'prompt' (or the v2 'description')");
        context.Parameters.TryGetValue("context", out var facts);
        var client = context.Services.GetRequiredService<AiClient>();
        var text = await client.AskAsync(System, $"{prompt}\n\nContext:\n{AiClient.Describe(facts)}", null, cancellationToken);
        context.Logger.LogStep($"AI generated {text.Length} characters");
        return StepResult.Completed(new Dictionary<string, object?> { ["text"] = text });
    }
}
