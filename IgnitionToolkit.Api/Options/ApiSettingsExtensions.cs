using IgnitionToolkit.Plugins.Gateway.Configuration;
using IgnitionToolkit.Plugins.Gateway.Http;

namespace IgnitionToolkit.Api.Options;

/// <summary>The API's own settings (the shared ones come with the service defaults), validated at start-up.</summary>
public static class ApiSettingsExtensions
{
    public static WebApplicationBuilder AddApiSettings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddToolkitSettings<ApiOptions>(configuration, ApiOptions.Section, (_, _) => { });
        services.AddToolkitSettings<MetricsOptions>(configuration, MetricsOptions.Section, MetricsOptions.Rules);
        services.AddToolkitSettings<ExecutionsOptions>(configuration, ExecutionsOptions.Section, ExecutionsOptions.Rules(configuration));
        services.AddToolkitSettings<GatewayClientOptions>(configuration, GatewaySettings.Section,
            (o, rules) => GatewaySettings.Rules(o, (valid, key, requirement) => rules.Check(valid, key, requirement)));
        services.RequireInProduction("ConnectionStrings:messaging", "the RabbitMQ URI, amqps://user:password@host:5671/vhost");
        services.RequireKeyInProduction(IgnitionToolkit.Core.Security.CredentialTransport.ConfigurationKey,
            "the key that seals credentials between the API and the Runners, the same on both, base64 of 32 bytes");
        return builder;
    }
}
