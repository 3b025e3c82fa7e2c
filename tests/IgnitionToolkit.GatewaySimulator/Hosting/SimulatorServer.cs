using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IgnitionToolkit.GatewaySimulator.Hosting;

/// <summary>Runs the simulator in-process on a free loopback port (real Kestrel, real HTTP) for tests.
/// Dispose it to stop the server.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string WriteToken = "toolkit:toolkit-secret";
    public const string ReadToken = "reader:reader-secret";

    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Base address ending with '/', e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration overrides, e.g. <c>["Simulator:Restart:Duration"] = "00:00:01"</c>.</param>
    public static async Task<SimulatorServer> StartAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        var app = SimulatorApp.Build(["--urls", "http://127.0.0.1:0"], all);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The simulator did not report a listening address.");
        return new SimulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An HttpClient on the simulator, optionally sending <c>X-Ignition-API-Token</c>.</summary>
    public HttpClient CreateClient(string? apiToken = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = BaseAddress;
        client.Timeout = TimeSpan.FromSeconds(30);
        if (apiToken is not null)
        {
            client.DefaultRequestHeaders.Add("X-Ignition-API-Token", apiToken);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
