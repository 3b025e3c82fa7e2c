using IgnitionToolkit.Core;
using IgnitionToolkit.Plugins.Ai;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the AI steps (<c>ai.assist</c>, <c>ai.generate</c>, <c>ai.validate</c>) and their client.</summary>
public static class AiServiceCollectionExtensions
{
    /// <param name="settings">Configuration lookup for the <c>Ai:*</c> settings.</param>
    public static IServiceCollection AddAiSteps(this IServiceCollection services, Func<string, string?> settings)
    {
        services.AddStepPluginAssembly(typeof(AiClient).Assembly);
        services.AddHttpClient(AiClient.HttpClientName);
        services.TryAddSingleton(AiOptions.From(settings));
        services.TryAddSingleton<AiClient>();
        return services;
    }
}
