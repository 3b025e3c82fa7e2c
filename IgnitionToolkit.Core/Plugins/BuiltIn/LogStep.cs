using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Core.Plugins.BuiltIn;

/// <summary><c>utility.log</c>: writes a message to the execution log.</summary>
public sealed class LogStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "utility.log", "utility", "Writes a message to the execution log.",
        [
            new StepParameterSchema("message", StepParameterType.String, Required: true, Description: "The text to log; templates allowed.")
            {
                TemplateStyle = TemplateStyle.Python, // v5 messages showed booleans as True/False, None
            },
            new StepParameterSchema("level", StepParameterType.String, Default: "info", Description: "debug, info, warning or error.",
                AllowedValues: ["debug", "info", "warning", "error"]),
        ],
        Outputs: [new StepOutputSchema("message", StepParameterType.String, "The message as logged.")]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var message = context.Get<string>("message") ?? string.Empty;
        var level = context.Get<string>("level") switch
        {
            "debug" => LogLevel.Debug,
            "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => LogLevel.Information,
        };
#pragma warning disable CA2254 // the message is the user's text by design
        context.Logger.Log(level, message);
#pragma warning restore CA2254
        return Task.FromResult(StepResult.Completed(new Dictionary<string, object?> { ["message"] = message }));
    }
}
