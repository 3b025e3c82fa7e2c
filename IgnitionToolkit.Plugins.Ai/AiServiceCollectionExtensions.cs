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
        // The AI client keeps its own timeout (Ai:Timeout, set per call) and never retries a paid request: no default
        // resilience handler of the host (its 10 s attempt timeout would cut model answers short).
        services.AddHttpClient(AiClient.HttpClientName).ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        services.TryAddSingleton(AiOptions.From(settings));
        services.TryAddSingleton<AiClient>();
        return services;
    }
}
