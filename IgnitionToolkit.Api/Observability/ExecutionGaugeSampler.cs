using IgnitionToolkit.Api.Options;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.Observability;

/// <summary>Reads the number of running and queued (<c>pending</c>) executions from the database every
/// <c>Toolkit:Metrics:SampleInterval</c> and exposes them as the gauges <c>toolkit.executions.running</c> and
/// <c>toolkit.executions.queued</c> (the queue depth: RabbitMQ's management API is not used).</summary>
public sealed partial class ExecutionGaugeSampler(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, ILogger<ExecutionGaugeSampler> logger)
    : BackgroundService
{
    private static readonly ExecutionStatus[] Running = [ExecutionStatus.Running, ExecutionStatus.Paused];
    private const ExecutionStatus Pending = ExecutionStatus.Pending;
    // One pair of gauges per process (the meter is static); the latest sample of any API host in the process wins.
    private static long _running;
    private static long _queued;
    private static readonly Lazy<bool> Gauges = new(() =>
    {
        ToolkitTelemetry.Meter.CreateObservableGauge("toolkit.executions.running", () => Interlocked.Read(ref _running), "{execution}",
            "Executions running or paused (all Runners)");
        ToolkitTelemetry.Meter.CreateObservableGauge("toolkit.executions.queued", () => Interlocked.Read(ref _queued), "{execution}",
            "Executions waiting for a Runner (pending)");
        return true;
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = Gauges.Value;
        using var timer = new PeriodicTimer(options.Value.SampleInterval);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await Next(timer, stoppingToken));
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            Interlocked.Exchange(ref _running, await db.Executions.CountAsync(e => Running.Contains(e.Status), ct));
            Interlocked.Exchange(ref _queued, await db.Executions.CountAsync(e => e.Status == Pending, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSampled(logger, ex);
        }
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not sample the execution gauges")]
    private static partial void LogNotSampled(ILogger logger, Exception exception);
}
