using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>The settings every toolkit service reads, validated at start-up, plus the Production secret check.</summary>
public static class SharedSettingsExtensions
{
    public static TBuilder AddSharedSettings<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddToolkitSettings<FolderOptions>(configuration, FolderOptions.Section, FolderOptions.Rules);
        services.AddToolkitSettings<LoggingOptions>(configuration, LoggingOptions.Section, LoggingOptions.Rules);
        services.AddToolkitSettings<HealthOptions>(configuration, HealthOptions.Section, HealthOptions.Rules);
        services.AddToolkitSettings<BrokerOptions>(configuration, BrokerOptions.Section, BrokerOptions.Rules);
        services.AddToolkitSettings<ConnectionOptions>(configuration, ConnectionOptions.Section, ConnectionOptions.Rules);
        services.AddToolkitSettings<TelemetryOptions>(configuration, "", TelemetryOptions.Rules);
        services.AddSingleton<IValidateOptions<ProductionRequirements>, ProductionSecretsValidator>();
        services.AddOptions<ProductionRequirements>().ValidateOnStart();
        return builder;
    }
}
