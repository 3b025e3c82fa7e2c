using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.FakeAiProvider;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Ai.Tests;

/// <summary>The engine with the AI steps, configured for the fake provider through one SDK or the other.</summary>
internal static class AiTestHost
{
    public const string Model = "test-model";

    public static Dictionary<string, string?> Settings(FakeAiServer server, string provider) => new()
    {
        ["Toolkit:Ai:Provider"] = provider,
        ["Toolkit:Ai:Model"] = Model,
        // Anthropic's SDK appends v1/messages; the OpenAI client appends chat/completions to a /v1/ endpoint.
        ["Toolkit:Ai:Endpoint"] = provider == "anthropic" ? server.BaseAddress.ToString() : new Uri(server.BaseAddress, "v1/").ToString(),
        ["Toolkit:Ai:Prices:test-model:Input"] = "3",
        ["Toolkit:Ai:Prices:test-model:Output"] = "15",
        ["Toolkit:Ai:TimeoutSeconds"] = "120",
    };

    public static EngineHarness Harness(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        EngineHarness? harness = null;
        var services = new ServiceCollection().AddLogging().AddAiSteps(k => settings.GetValueOrDefault(k))
            .AddSingleton<IStepCatalog>(_ => harness!.Catalog)
            .AddSingleton<IPlaybookLoader>(_ => harness!.Loader);
        configure?.Invoke(services);
        harness = new EngineHarness(services.BuildServiceProvider());
        return harness;
    }

    /// <summary>The vault credential the API sends with the execution (sealed): the provider's key.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> KeyCredential(string key = FakeAiServer.Key) =>
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["ai"] = new Dictionary<string, string> { ["api_key"] = key } };
}
