using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Client;
using IgnitionToolkit.Plugins.Gateway.Sessions;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary>Base of the gateway steps: finds the session and turns <see cref="GatewayException"/>s into failed results.</summary>
public abstract class GatewayStep : IStepPlugin
{
    public abstract StepTypeDescriptor Descriptor { get; }

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(context, cancellationToken);
        }
        catch (GatewayException ex)
        {
            return StepResult.Failed(ex.Message);
        }
        catch (Exception ex) when (IsBrokenTransfer(ex) && !cancellationToken.IsCancellationRequested)
        {
            // a connection that breaks while a body is read or written (after the request itself succeeded)
            return StepResult.Failed($"the connection to the gateway broke during {Descriptor.Type} (the gateway dropped it or went down); " +
                                     "the operation was not repeated: check the gateway and run the step again");
        }
    }

    private static bool IsBrokenTransfer(Exception ex) =>
        ex is HttpRequestException or HttpIOException
        || (ex is IOException && ex.InnerException is System.Net.Sockets.SocketException or HttpIOException);

    protected abstract Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken);

    protected static GatewayClient Session(StepContext context) => GatewaySessions.Resolve(context);

    /// <summary>Runs a mutating operation under the per-gateway lock.</summary>
    protected static async Task<T> ExclusiveAsync<T>(StepContext context, GatewayClient client, string operation,
        Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await using var _ = await GatewaySessions.Lock(context).AcquireAsync(client.Gateway, operation, context.Logger, cancellationToken);
        return await action();
    }

    protected static Dictionary<string, object?> Outputs(GatewayClient client) => new() { ["url"] = client.Gateway };
}
