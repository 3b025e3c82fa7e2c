using System.Net.Http.Json;
using System.Text.Json;
using IgnitionToolkit.Core.Engine;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Plugins.Loading;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Gateway.Http;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Gateway.Tests.Infrastructure;

/// <summary>A gateway simulator on a free port (real Kestrel, real HTTP) and the real engine with the gateway plugins.
/// Dispose it to stop the simulator.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Admin = "admin";
    public const string AdminPassword = "password";

    private readonly ServiceProvider _services;
    private readonly HttpClient _admin;

    private GatewayHarness(SimulatorServer sim, ServiceProvider services, RequestCounter requests)
    {
        Sim = sim;
        Requests = requests;
        _services = services;
        _admin = sim.CreateClient();
        Harness = new EngineHarness(services);
    }

    public SimulatorServer Sim { get; }
    /// <summary>HTTP attempts sent by the gateway client (each retry counts).</summary>
    public RequestCounter Requests { get; }
    /// <summary>The real engine with the built-in and gateway steps.</summary>
    public EngineHarness Harness { get; }
    public StepPluginRegistry Catalog => Harness.Catalog;
    public PlaybookEngine Engine => Harness.Engine;
    public PlaybookLoader Loader => Harness.Loader;
    public string Url => Sim.BaseAddress.ToString().TrimEnd('/');

    public static async Task<GatewayHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<GatewayClientOptions>? configure = null)
    {
        var sim = await SimulatorServer.StartAsync(settings);
        var counter = new RequestCounter();
        var services = new ServiceCollection();
        services.AddGatewaySteps(o =>
        {
            o.GetRetryDelay = TimeSpan.FromMilliseconds(5);
            o.RequestTimeout = TimeSpan.FromSeconds(20);
            configure?.Invoke(o);
        });
        services.AddHttpClient(GatewayHttp.ClientName).AddHttpMessageHandler(() => new RequestCounter.Handler(counter));
        return new GatewayHarness(sim, services.BuildServiceProvider(), counter);
    }

    public object LoginParameters => new { url = Url, username = Admin, password = AdminPassword };

    public RecordingRun Start(Playbook playbook, IReadOnlyDictionary<string, object?>? parameters = null, string? artifactDirectory = null) =>
        Harness.Start(playbook, parameters: parameters, artifactDirectory: artifactDirectory);

    /// <summary>Runs the steps and waits for the end of the execution.</summary>
    public async Task<(ExecutionStatus Status, RecordingRun Run)> RunAsync(params PlaybookStep[] steps)
    {
        var run = Start(Playbooks.Of(steps));
        return (await run.CompletionAsync(), run);
    }

    public async Task<JsonElement> StateAsync() => await _admin.GetFromJsonAsync<JsonElement>("__simulator/state");

    public async Task SetFaultsAsync(object faults) => (await _admin.PostAsJsonAsync("__simulator/faults", faults)).EnsureSuccessStatusCode();

    /// <param name="observeEachPhase">each phase also lasts until the client has met it (the simulator's
    /// <c>observeEachPhase</c>): for tests that assert the client saw every phase, on a machine of any speed.</param>
    public async Task SetRestartTimingAsync(int delayMs = 0, int refuseMs = 0, int durationMs = 0, int moduleLoadMs = 0, bool observeEachPhase = false) =>
        (await _admin.PostAsJsonAsync("__simulator/restart-timing",
            new { delayMs, refuseConnectionsMs = refuseMs, durationMs, moduleLoadMs, observeEachPhase })).EnsureSuccessStatusCode();

    /// <summary>Keeps any restart in <paramref name="phase"/> (REFUSING, STARTING, MODULES_LOADING; null: none) until changed.</summary>
    public async Task SetRestartHoldAsync(string? phase) =>
        (await _admin.PostAsJsonAsync("__simulator/restart-hold", new { phase })).EnsureSuccessStatusCode();

    public async Task DeleteProjectAsync(string name) => (await _admin.DeleteAsync($"__simulator/projects/{name}")).EnsureSuccessStatusCode();

    public async Task<IReadOnlyList<string>> ProjectNamesAsync() =>
        [.. (await StateAsync()).GetProperty("projects").EnumerateArray().Select(p => p.GetString()!)];

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _services.DisposeAsync();
        await Sim.DisposeAsync();
        Harness.DeleteArtifacts();
    }
}
