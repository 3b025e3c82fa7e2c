using IgnitionToolkit.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Typed settings: bound from a configuration section and validated when the service starts.</summary>
public static class SettingsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> (empty: the root) and checks <paramref name="rules"/> at start-up.</summary>
    public static OptionsBuilder<TOptions> AddToolkitSettings<TOptions>(this IServiceCollection services, IConfiguration configuration,
        string section, Action<TOptions, SettingRules> rules) where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(rules));
        return services.AddOptions<TOptions>().Bind(section.Length == 0 ? configuration : configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Marks a setting as required when the service runs in Production (checked at start-up).</summary>
    public static IServiceCollection RequireInProduction(this IServiceCollection services, string key, string meaning)
    {
        services.Configure<ProductionRequirements>(r => r.Required[key] = meaning);
        return services;
    }

    /// <summary>Marks a 32-byte base64 key as required in Production: missing, malformed or placeholder values are refused.</summary>
    public static IServiceCollection RequireKeyInProduction(this IServiceCollection services, string key, string meaning)
    {
        services.Configure<ProductionRequirements>(r => r.Keys[key] = meaning);
        return services;
    }

    /// <summary>Refuses, in Production, the given well-known values of a secret (e.g. the development default).</summary>
    public static IServiceCollection RefuseDefaultsInProduction(this IServiceCollection services, string key, params string[] knownDefaults)
    {
        services.Configure<ProductionRequirements>(r =>
        {
            if (!r.KnownDefaults.TryGetValue(key, out var values)) r.KnownDefaults[key] = values = new HashSet<string>(StringComparer.Ordinal);
            values.UnionWith(knownDefaults);
        });
        return services;
    }
}
