using IgnitionToolkit.Runner.Extensions;
using Microsoft.AspNetCore.Builder;
using IgnitionToolkit.Runner.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Runner.Tests.Bus;

/// <summary>A hosted Runner (the real wiring of Program, on the real RabbitMQ) with the real engine wrapped in RecordingPlaybookEngine,
/// listening on a dynamic port.</summary>
public sealed class RunnerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private RunnerHost(WebApplication app, string id)
    {
        _app = app;
        Id = id;
    }

    public string Id { get; }
    public RecordingPlaybookEngine Engine => _app.Services.GetRequiredService<RecordingPlaybookEngine>();

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public Uri BaseAddress =>
        new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<RunnerHost> StartAsync(string prefix, string id, int capacity, string dataDirectory, params string[] extraArgs)
    {
        string[] args =
        [
            $"--ConnectionStrings:messaging={TestServices.RabbitMq}",
            $"--Toolkit:Bus:Prefix={prefix}",
            $"--Toolkit:Bus:CredentialKey={TestBus.CredentialKey}",
            $"--Toolkit:DataDirectory={dataDirectory}",
            $"--Runner:Id={id}",
            $"--Runner:MaxConcurrentExecutions={capacity}",
            "--Runner:HeartbeatInterval=00:00:00.200",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
        ];
        var app = RunnerApplication.Build([.. args, .. extraArgs], builder => builder.Services.AddRecordingEngine());
        await app.StartAsync();
        return new RunnerHost(app, id);
    }

    /// <summary>What SIGTERM does: stops the host.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
