namespace IgnitionToolkit.Core.Plugins.BuiltIn;

/// <summary><c>debug.breakpoint</c>: pauses the execution here in debug mode; does nothing otherwise.</summary>
public sealed class BreakpointStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "debug.breakpoint", "debug", "Pauses the execution in debug mode (ignored otherwise).",
        [new StepParameterSchema("message", StepParameterType.String, Description: "Shown while paused.") { TemplateStyle = TemplateStyle.Python }]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Host.DebugMode)
        {
            context.Logger.LogStep("breakpoint" + (context.Get<string>("message") is { Length: > 0 } m ? ": " + m : string.Empty));
            context.Host.RequestBreakpoint(context.Get<string>("message"));
        }
        return Task.FromResult(StepResult.Completed());
    }
}
