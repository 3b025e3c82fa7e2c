using System.Net;
using IgnitionToolkit.Api.Cluster;
using IgnitionToolkit.Api.Notifications;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Retention;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Api.Tests.Retention;

[Trait("Category", "Functional")]
public sealed class SqliteHistoryRetentionTests(ApiFixture api) : HistoryRetentionTests(api), IClassFixture<ApiFixture>;

[Trait("Category", "Functional")]
public sealed class PostgresHistoryRetentionTests(PostgresApiFixture api) : HistoryRetentionTests(api), IClassFixture<PostgresApiFixture>;

/// <summary>History retention on the real database: old and excess executions go with their rows and artifact files;
/// pinned and unfinished ones stay. Rows are written directly (with the ages the test needs), the job runs one pass.</summary>
[Trait("Category", "Functional")]
public abstract class HistoryRetentionTests(ApiFixture api)
{
    protected ApiFixture Api { get; } = api;

    [Fact]
    public async Task Executions_older_than_the_age_limit_go_with_their_steps_logs_and_artifacts_but_pinned_and_running_stay()
    {
        var playbook = $"retention/age-{Guid.NewGuid():N}.yaml";
        var now = DateTimeOffset.UtcNow;
        var old = await AddAsync(playbook, "completed", now.AddDays(-40));
        var oldFailed = await AddAsync(playbook, "failed", now.AddDays(-31));
        var oldPinned = await AddAsync(playbook, "completed", now.AddDays(-50));
        var oldRunning = await AddAsync(playbook, "running", now.AddDays(-45));
        var oldPaused = await AddAsync(playbook, "paused", now.AddDays(-45));
        var recent = await AddAsync(playbook, "completed", now.AddDays(-2));
        using (var pin = await Api.Client.PostAsync($"/api/v1/executions/{oldPinned}/pin", null))
        {
            Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
            Assert.True((await pin.ReadJsonAsync())["pinned"]!.GetValue<bool>());
        }

        var result = await RetentionPass(maxAgeDays: 30, maxPerPlaybook: 0, batchSize: 1).RunOnceAsync(CancellationToken.None);

        Assert.True(result.ByAge >= 2);
        await AssertGoneAsync(old);
        await AssertGoneAsync(oldFailed);
        foreach (var kept in new[] { oldPinned, oldRunning, oldPaused, recent }) await AssertKeptAsync(kept);
    }

    [Fact]
    public async Task Only_the_newest_executions_of_each_playbook_are_kept_beyond_the_count_with_pinned_and_running_ones()
    {
        var crowded = $"retention/count-{Guid.NewGuid():N}.yaml";
        var other = $"retention/other-{Guid.NewGuid():N}.yaml";
        var now = DateTimeOffset.UtcNow;
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++) ids.Add(await AddAsync(crowded, i == 1 ? "running" : "completed", now.AddMinutes(-60 + i))); // ids[6] newest
        var others = new[] { await AddAsync(other, "failed", now.AddDays(-3)), await AddAsync(other, "completed", now.AddDays(-2)) };
        using (var pin = await Api.Client.PostAsync($"/api/v1/executions/{ids[0]}/pin", null)) Assert.Equal(HttpStatusCode.OK, pin.StatusCode);

        var result = await RetentionPass(maxAgeDays: 0, maxPerPlaybook: 3, batchSize: 2).RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, result.ByCount); // ids[2], ids[3]: older than the newest three, ended, not pinned
        foreach (var kept in new[] { ids[0], ids[1], ids[4], ids[5], ids[6], others[0], others[1] }) await AssertKeptAsync(kept);
        await AssertGoneAsync(ids[2]);
        await AssertGoneAsync(ids[3]);

        using (var unpin = await Api.Client.DeleteAsync($"/api/v1/executions/{ids[0]}/pin")) Assert.Equal(HttpStatusCode.OK, unpin.StatusCode);
        await RetentionPass(maxAgeDays: 0, maxPerPlaybook: 3, batchSize: 2).RunOnceAsync(CancellationToken.None);
        await AssertGoneAsync(ids[0]);
        await AssertKeptAsync(ids[1]); // still running
        var audit = (await Api.Client.GetJsonAsync($"/api/v1/audit?targetId={ids[0]}"))["items"]!.AsArray();
        Assert.Equal(["execution.unpinned", "execution.pinned"], audit.Select(a => a!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Audit_entries_older_than_the_audit_limit_go_and_newer_ones_stay_and_without_a_limit_all_stay()
    {
        var target = Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow;
        await using (var scope = Api.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            foreach (var (action, age) in new[] { ("execution.started", 40), ("execution.cancelled", 30), ("execution.pinned", 2) })
                db.Audit.Add(new AuditRecord { Timestamp = now.AddDays(-age), UserName = "retention", Action = action, TargetType = "execution", TargetId = target });
            await db.SaveChangesAsync();
        }

        var kept = await RetentionPass(maxAgeDays: 0, maxPerPlaybook: 0, batchSize: 1).RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, kept.AuditEntries); // the audit trail is kept forever unless a limit is set
        var result = await RetentionPass(maxAgeDays: 0, maxPerPlaybook: 0, batchSize: 1, auditMaxAgeDays: 10).RunOnceAsync(CancellationToken.None);

        Assert.True(result.AuditEntries >= 2, $"removed {result.AuditEntries}");
        var audit = (await Api.Client.GetJsonAsync($"/api/v1/audit?targetId={target}"))["items"]!.AsArray();
        Assert.Equal(["execution.pinned"], audit.Select(a => a!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pinning_an_unknown_execution_is_a_404_problem_and_a_viewer_may_not_pin()
    {
        using var missing = await Api.Client.PostAsync($"/api/v1/executions/{Guid.NewGuid()}/pin", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var id = await AddAsync($"retention/viewer-{Guid.NewGuid():N}.yaml", "completed", DateTimeOffset.UtcNow);
        using var viewer = Api.Authorize(Api.Factory.CreateClient(), "viewer", "retention-viewer");
        using var refused = await viewer.PostAsync($"/api/v1/executions/{id}/pin", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private ExecutionRetentionService RetentionPass(double maxAgeDays, int maxPerPlaybook, int batchSize, double auditMaxAgeDays = 0)
    {
        var services = Api.Factory.Services;
        return new ExecutionRetentionService(services.GetRequiredService<IServiceScopeFactory>(),
            new ExecutionRetentionOptions(maxAgeDays, maxPerPlaybook, TimeSpan.FromHours(1), batchSize, auditMaxAgeDays),
            new NotificationOptions(null, 0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0), TimeProvider.System,
            services.GetRequiredService<JobLeases>(), services.GetRequiredService<ILogger<ExecutionRetentionService>>());
    }

    /// <summary>An execution with a step, a log line, an artifact row and its file on disk.</summary>
    private async Task<Guid> AddAsync(string playbook, string status, DateTimeOffset created)
    {
        var id = Guid.NewGuid();
        var ended = status is "completed" or "failed" or "cancelled" or "interrupted";
        await using var scope = Api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        db.Executions.Add(new ExecutionRecord
        {
            Id = id, PlaybookPath = playbook, PlaybookName = Path.GetFileNameWithoutExtension(playbook), ParametersJson = "{}",
            CreatedAt = created, StartedAt = created, FinishedAt = ended ? created.AddSeconds(5) : null, StartedBy = "admin",
        }.InStatus(status));
        db.StepResults.Add(new StepResultRecord { ExecutionId = id, StepPath = "a", StepId = "a", Name = "A", Type = "utility.log" }.InStatus("running").InStatus("completed"));
        db.LogLines.Add(new LogLineRecord { ExecutionId = id, Sequence = 1, Timestamp = created, Level = "info", Message = "hello" });
        db.Artifacts.Add(new ArtifactRecord
        {
            ExecutionId = id, Sequence = 2, Name = "out.txt", ContentType = "text/plain", Size = 2, Sha256 = new string('0', 64),
            Path = $"{id}/out.txt", CreatedAt = created,
        });
        await db.SaveChangesAsync();
        var folder = Path.Combine(Api.DataDirectory, "artifacts", id.ToString());
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "out.txt"), "hi");
        return id;
    }

    private async Task AssertGoneAsync(Guid id)
    {
        await using var scope = Api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        Assert.False(await db.Executions.AnyAsync(e => e.Id == id), $"execution {id} should be removed");
        Assert.False(await db.StepResults.AnyAsync(s => s.ExecutionId == id));
        Assert.False(await db.LogLines.AnyAsync(s => s.ExecutionId == id));
        Assert.False(await db.Artifacts.AnyAsync(s => s.ExecutionId == id));
        Assert.False(Directory.Exists(Path.Combine(Api.DataDirectory, "artifacts", id.ToString())), "its artifact folder should be removed");
    }

    private async Task AssertKeptAsync(Guid id)
    {
        using var response = await Api.Client.GetAsync($"/api/v1/executions/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"execution {id} should be kept");
        Assert.Single((await response.ReadJsonAsync())["artifacts"]!.AsArray());
        Assert.True(File.Exists(Path.Combine(Api.DataDirectory, "artifacts", id.ToString(), "out.txt")));
    }
}
