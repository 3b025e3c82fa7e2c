using IgnitionToolkit.Core;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Gateway.Credentials;
using IgnitionToolkit.Plugins.Gateway.Http;
using IgnitionToolkit.Plugins.Gateway.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Ignition gateway steps and their HTTP client.</summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGatewaySteps(this IServiceCollection services, Action<GatewayClientOptions>? configure = null)
    {
        services.AddStepPluginAssembly(typeof(GatewayConnectionFactory).Assembly);
        services.AddCredentialBinder<GatewayLoginBinder>(); // credential_name fills gateway_url/username/password
        var options = services.AddOptions<GatewayClientOptions>();
        if (configure is not null) options.Configure(configure);

        // Only the gateway's own pipeline (docs/gateway-steps.md): a host's default handler (ServiceDefaults adds the
        // standard one to every client) would cut transfers after 10 s, retry POSTs and share one circuit across gateways.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        services.AddHttpClient(GatewayHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => GatewayHttp.CreatePrimaryHandler(sp.GetRequiredService<IOptions<GatewayClientOptions>>().Value))
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler(sp => new GatewayRetryHandler(sp.GetRequiredService<GatewayRetryPipeline>().Pipeline));
#pragma warning restore EXTEXP0001
        services.TryAddSingleton(sp => new GatewayRetryPipeline(GatewayHttp.CreateRetryPipeline(sp.GetRequiredService<IOptions<GatewayClientOptions>>().Value)));
        services.AddHttpClient(GatewayHttp.ClientName).AddHttpMessageHandler(() => new GatewayMetricsHandler()); // inside the retries: one measurement per attempt

        services.TryAddSingleton(sp => new GatewayConnectionFactory(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<GatewayClientOptions>>().Value));
        // Lock files in <data>/locks when the host knows the data folder (shared by the API and every Runner), else a temp folder.
        services.TryAddSingleton(sp => sp.GetService<ToolkitPaths>() is { } paths
            ? new GatewayMutationLock(Path.Combine(paths.DataDirectory, "locks"))
            : GatewayMutationLock.Shared);
        return services;
    }
}
