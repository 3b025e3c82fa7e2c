using IgnitionToolkit.Core;
using IgnitionToolkit.Plugins.Ai.Authoring;
using IgnitionToolkit.Plugins.Ai.Providers;
using IgnitionToolkit.Plugins.Ai.Verdicts;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the AI steps (<c>ai.assist</c>, <c>ai.generate</c>, <c>ai.generate_test_cases</c>, <c>ai.validate</c>),
/// the settings, the chat client factory and the AI verdict other plugins' steps use (<see cref="IAiJudge"/>).</summary>
public static class AiServiceCollectionExtensions
{
    /// <param name="settings">Configuration lookup for the <c>Toolkit:Ai:*</c> settings and <c>ConnectionStrings:ai</c>.</param>
    public static IServiceCollection AddAiSteps(this IServiceCollection services, Func<string, string?> settings)
    {
        services.AddStepPluginAssembly(typeof(AiChatClientFactory).Assembly);
        // The AI client keeps its own timeout (Toolkit:Ai:TimeoutSeconds, per call) and never retries a paid request: no
        // default resilience handler of the host (its 10 s attempt timeout would cut model answers short).
        services.AddHttpClient(AiChatClientFactory.HttpClientName).ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        services.TryAddSingleton(AiSettings.From(settings));
        services.TryAddSingleton<AiChatClientFactory>();
        services.TryAddSingleton<PlaybookDrafter>();
        services.TryAddSingleton<IAiJudge, AiJudge>(); // ai.validate's verdict, lent to perspective.verify_with_ai
        return services;
    }
}
