using Polly;

namespace IgnitionToolkit.Plugins.Gateway.Http;

/// <summary>Sends each request of the gateway client through its retry pipeline (<see cref="GatewayHttp.CreateRetryPipeline"/>,
/// built once with the handler): a plain handler around a Polly pipeline rather than Microsoft.Extensions.Http.Resilience's
/// resilience handler, whose pipeline registry, named options and telemetry enrichment the command line paid for at every
/// start (docs/performance.md, session 19) while the gateway client uses none of them.</summary>
internal sealed class GatewayRetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <summary>The request an attempt sends, for <see cref="GatewayHttp.IsRetryable"/>.</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("IgnitionGateway.Request");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Request, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(static async (attempt, state) =>
            {
                try
                {
                    return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, attempt.CancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }, context, (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

/// <summary>The gateway client's retry pipeline, built once per service provider (a handler is created every two minutes
/// as the factory rotates its handlers; the pipeline is stateless and shared).</summary>
internal sealed record GatewayRetryPipeline(ResiliencePipeline<HttpResponseMessage> Pipeline);
