using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution.Status;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Messaging;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IgnitionToolkit.Api.Tests;

/// <summary>The heartbeat monitor counts a Runner's silence only from when it could watch: an API that was down (or
/// cut off from its database) for longer than the timeout does not interrupt the executions that kept running.</summary>
[Trait("Category", "Unit")]
public sealed class HeartbeatMonitorWatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("toolkit-monitor-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddDbContext<SqliteToolkitDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "toolkit.db")};Pooling=False"))
            .AddScoped<ToolkitDbContext>(sp => sp.GetRequiredService<SqliteToolkitDbContext>())
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ToolkitDbContext>().Database.MigrateAsync();
    }

    [Fact]
    public async Task Silence_from_before_the_monitor_started_is_not_counted()
    {
        var id = await AddRunningAsync(lastHeartbeat: _clock.GetUtcNow() - TimeSpan.FromHours(1));
        var monitor = new HeartbeatMonitor(_services.GetRequiredService<IServiceScopeFactory>(), new HeartbeatMonitorOptions(Timeout),
            _clock, new JobLeases(_services.GetRequiredService<IServiceScopeFactory>(), new ApiInstance(), _clock, NullLogger<JobLeases>.Instance),
            NullLogger<HeartbeatMonitor>.Instance);

        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));

        await using var scope = _services.CreateAsyncScope();
        var execution = await scope.ServiceProvider.GetRequiredService<ToolkitDbContext>().Executions.SingleAsync(e => e.Id == id);
        Assert.Equal(ExecutionStatus.Interrupted, execution.Status);
    }

    private async Task<Guid> AddRunningAsync(DateTimeOffset lastHeartbeat)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var record = new ExecutionRecord
        {
            Id = Guid.NewGuid(), PlaybookPath = "a.yaml", PlaybookName = "A", ParametersJson = "{}",
            CreatedAt = lastHeartbeat, StartedAt = lastHeartbeat, LastHeartbeatAt = lastHeartbeat, RunnerId = "gone",
        };
        StatusMachine.TryMove(record, ExecutionStatus.Running, lastHeartbeat);
        db.Executions.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
