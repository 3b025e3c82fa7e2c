using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.SamplePlugin;

/// <summary><c>sample.greet</c>: a minimal third-party step that builds a greeting.</summary>
public sealed class GreetStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "sample.greet", "sample", "Builds a greeting (sample third-party plugin).",
        [
            new StepParameterSchema("name", StepParameterType.String, Required: true, Description: "Who to greet."),
            new StepParameterSchema("times", StepParameterType.Integer, Default: 1L, Description: "How many times."),
        ],
        Outputs: [new StepOutputSchema("greeting", StepParameterType.String)],
        Aliases: [new StepTypeAlias("sample.hello")]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var name = context.GetRequiredString("name");
        var greeting = string.Join(" ", Enumerable.Repeat($"Hello, {name}!", (int)context.Get<long>("times")));
        context.Logger.LogStep(greeting);
        return Task.FromResult(StepResult.Completed(new Dictionary<string, object?> { ["greeting"] = greeting }));
    }
}
