using IgnitionToolkit.Api.Cluster;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>
/// Advances every running fleet run about once a second (at once after a run is created on this instance). Of several
/// API instances, only the holder of the <see cref="LeaseName"/> job lease (<see cref="JobLeases"/>, in the shared
/// database) drives; when it stops, another takes over once the lease expires. Each run's claims are also guarded by its
/// concurrency token (<see cref="FleetRunAdvancer"/>), so even two drivers at once could not exceed a limit.
/// </summary>
public sealed class FleetRunDriver(IServiceScopeFactory scopes, JobLeases leases, ILogger<FleetRunDriver> logger) : BackgroundService
{
    public const string LeaseName = "fleet-runs";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    /// <summary>Long enough for a slow pass; a stopped holder is replaced within this time.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _nudge = new(0, 1);

    /// <summary>Asks for a pass now (a new run on this instance) instead of at the next tick.</summary>
    public void Nudge()
    {
        try
        {
            _nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // a pass is already asked for
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await leases.TryAcquireAsync(LeaseName, LeaseDuration, stoppingToken)) await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Fleet run pass failed");
            }
            try
            {
                await _nudge.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the running fleet runs (each in its own scope, so one bad run does not stop the others).</summary>
    public async Task PassAsync(CancellationToken ct)
    {
        List<Guid> running;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Persistence.ToolkitDbContext>();
            running = await db.Set<FleetRunRecord>().AsNoTracking().Where(r => r.Status == FleetStatuses.Running)
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        }
        foreach (var id in running)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FleetRunAdvancer>().AdvanceAsync(id, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Fleet run {FleetRunId} changed meanwhile (cancelled, or another instance); advanced again next pass", id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not advance fleet run {FleetRunId}", id);
            }
        }
    }

    public override void Dispose()
    {
        _nudge.Dispose();
        base.Dispose();
    }
}
