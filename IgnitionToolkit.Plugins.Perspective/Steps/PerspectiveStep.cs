using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>
/// Base of the browser steps: opens the execution's browser session on first use, and turns failures into failed
/// results with a screenshot and the page HTML saved as artifacts (outputs <c>failure_screenshot</c>, <c>failure_html</c>).
/// </summary>
public abstract class PerspectiveStep : IStepPlugin
{
    public abstract StepTypeDescriptor Descriptor { get; }

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        StepResult result;
        try
        {
            var session = await PerspectiveSession.GetOrOpenAsync(context, cancellationToken);
            session.CurrentStepPath = context.StepPath;
            session.Downloads.CurrentStep = context;
            result = await RunAsync(context, session, cancellationToken);
            await session.Downloads.WaitAsync(cancellationToken);
        }
        catch (PerspectivePageException ex)
        {
            result = StepResult.Failed(ex.Message);
        }
        catch (PlaywrightException ex) when (!cancellationToken.IsCancellationRequested && BrowserText.IsSelectorError(ex))
        {
            result = StepResult.Failed($"{Descriptor.Type} failed: invalid selector: {BrowserText.FirstLine(ex.Message)}");
        }
        catch (PlaywrightException ex) when (!cancellationToken.IsCancellationRequested)
        {
            result = StepResult.Failed($"{Descriptor.Type} failed: {BrowserText.FirstLine(ex.Message)}");
        }
        if (result.Outcome != StepOutcome.Failed) return result;

        var outputs = new Dictionary<string, object?>(result.Outputs);
        foreach (var (name, value) in await FailureCapture.CaptureAsync(context, PerspectiveSession.Find(context)))
            outputs[name] = value;
        return StepResult.Failed(result.Error ?? $"{Descriptor.Type} failed", outputs);
    }

    protected abstract Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken);

    /// <summary>Runs a Playwright call that cannot be cancelled, abandoning it (it ends with its own timeout) on cancellation.</summary>
    protected static Task Await(Task task, CancellationToken cancellationToken) => task.WaitAsync(cancellationToken);

    protected static Task<T> Await<T>(Task<T> task, CancellationToken cancellationToken) => task.WaitAsync(cancellationToken);

    /// <summary>Acts on the page: checks it is not broken first, and turns a timeout into <paramref name="timedOut"/>
    /// (unless the page broke meanwhile: then that is the message).</summary>
    protected static async Task ActAsync(IPage page, Func<Task> action, string timedOut, CancellationToken cancellationToken)
    {
        await PerspectiveWaits.CheckNotBrokenAsync(page);
        try
        {
            await action().WaitAsync(cancellationToken);
        }
        catch (TimeoutException ex)
        {
            await PerspectiveWaits.CheckNotBrokenAsync(page);
            throw new PerspectivePageException(timedOut, ex);
        }
    }

    protected static StepResult Done(params (string Name, object? Value)[] outputs) =>
        StepResult.Completed(outputs.ToDictionary(o => o.Name, o => o.Value));
}
