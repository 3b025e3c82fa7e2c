using System.Globalization;

namespace IgnitionToolkit.Core.Plugins.BuiltIn;

/// <summary><c>utility.wait</c>: pauses for a number of seconds (v2: <c>utility.sleep</c>).</summary>
public sealed class WaitStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new(
        "utility.wait", "utility", "Waits for a number of seconds.",
        [new StepParameterSchema("seconds", StepParameterType.Float, Default: 1.0, Description: "How long to wait, in seconds.")],
        Aliases: [new StepTypeAlias("utility.sleep")]);

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Get<double>("seconds");
        if (seconds < 0 || double.IsNaN(seconds)) throw new StepParameterException("seconds", "must be zero or more");
        context.Logger.LogStep("waiting " + seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        return StepResult.Completed();
    }
}
