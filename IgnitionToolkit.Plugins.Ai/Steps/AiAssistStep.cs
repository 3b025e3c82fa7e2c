using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Steps;

/// <summary><c>ai.assist</c>: asks the model a question about the execution, optionally with a screenshot (v2: <c>ai.analyze</c>).</summary>
public sealed class AiAssistStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "ai.assist", "ai", "Asks the AI model a question, optionally about a screenshot (PNG/JPEG file or artifact path).",
        [
            new StepParameterSchema("prompt", StepParameterType.String, Required: true, Description: "The question."),
            new StepParameterSchema("context", StepParameterType.Any, Description: "Extra facts given to the model."),
            new StepParameterSchema("screenshot", StepParameterType.String, Description: "Path of an image to show the model, e.g. {{ step.shot.path }}."),
        ],
        Outputs: [new StepOutputSchema("answer", StepParameterType.String)],
        Aliases: [new StepTypeAlias("ai.analyze")]);

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var prompt = context.GetRequiredString("prompt");
        context.Parameters.TryGetValue("context", out var facts);
        AiImage? image = null;
        if (context.Get<string>("screenshot") is { Length: > 0 } path)
        {
            if (!File.Exists(path)) throw new StepParameterException("screenshot", $"no image at '{path}'");
            var mediaType = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".png" => "image/png",
                ".jpg" or ".jpeg" => "image/jpeg",
                _ => throw new StepParameterException("screenshot", "only PNG and JPEG images can be shown to the model"),
            };
            image = new AiImage(mediaType, await File.ReadAllBytesAsync(path, cancellationToken));
        }
        var client = context.Services.GetRequiredService<AiClient>();
        var answer = await client.AskAsync(AiGenerateStep.System, $"{prompt}\n\nContext:\n{AiClient.Describe(facts)}", image, cancellationToken);
        return StepResult.Completed(new Dictionary<string, object?> { ["answer"] = answer });
    }
}
