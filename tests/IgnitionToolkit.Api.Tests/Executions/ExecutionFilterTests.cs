using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Executions;

[Trait("Category", "Functional")]
public sealed class SqliteExecutionFilterTests(ApiFixture api) : ExecutionFilterTests(api), IClassFixture<ApiFixture>;

[Trait("Category", "Functional")]
public sealed class PostgresExecutionFilterTests(PostgresApiFixture api) : ExecutionFilterTests(api), IClassFixture<PostgresApiFixture>;

/// <summary><c>GET /api/v1/executions</c> filters in the database: status, playbook (exact path or text), started by,
/// date range, pinned, combined and paged; bad values are 400 problems naming the parameter.</summary>
[Trait("Category", "Functional")]
public abstract class ExecutionFilterTests(ApiFixture api)
{
    [Fact]
    public async Task Filters_combine_and_page_on_the_server()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var backup = $"filters/{tag}/Nightly_Backup.yaml";
        var health = $"filters/{tag}/health.yaml";
        var day = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        await using (var scope = api.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            for (var i = 0; i < 12; i++)
                db.Executions.Add(Row(backup, $"Nightly Backup {tag}", i % 3 == 0 ? "failed" : "completed", i % 2 == 0 ? $"alice-{tag}" : $"bob-{tag}", day.AddHours(i * 6)));
            for (var i = 0; i < 3; i++)
                db.Executions.Add(Row(health, $"Health {tag}", "running", $"alice-{tag}", day.AddHours(i)));
            await db.SaveChangesAsync();
        }

        var text = await ListAsync($"playbook=nightly%20backup%20{tag.ToUpperInvariant()}&pageSize=5&page=3");
        Assert.Equal(12, text["total_count"]!.GetValue<int>());
        Assert.Equal(3, text["total_pages"]!.GetValue<int>());
        Assert.Equal(2, text["items"]!.AsArray().Count);

        var exact = await ListAsync($"playbook_path={Uri.EscapeDataString(health)}");
        Assert.Equal(3, exact["total_count"]!.GetValue<int>());

        var combined = await ListAsync($"playbook_path={Uri.EscapeDataString(backup)}&status=completed&started_by=alice-{tag}&pageSize=2");
        // alice: i = 0,2,4,6,8,10; completed (i % 3 != 0): 2, 4, 8, 10
        Assert.Equal(4, combined["total_count"]!.GetValue<int>());
        Assert.Equal(2, combined["items"]!.AsArray().Count);
        Assert.All(combined["items"]!.AsArray(), e => Assert.Equal("completed", e!["status"]!.GetValue<string>()));

        // created in [day 1 12:00, day 2 12:00): i = 6..9 of the backups
        var from = Uri.EscapeDataString(day.AddHours(36).ToString("O"));
        var to = Uri.EscapeDataString(day.AddHours(60).ToString("O"));
        var range = await ListAsync($"playbook_path={Uri.EscapeDataString(backup)}&from={from}&to={to}");
        Assert.Equal(4, range["total_count"]!.GetValue<int>());
        var created = range["items"]!.AsArray().Select(e => e!["created_at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created); // newest first
        Assert.All(created, c => Assert.InRange(c, day.AddHours(36), day.AddHours(59)));

        var firstId = text["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>();
        using (var pin = await api.Client.PostAsync($"/api/v1/executions/{firstId}/pin", null)) Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        var pinned = await ListAsync($"playbook_path={Uri.EscapeDataString(backup)}&pinned=true");
        Assert.Equal(firstId, Assert.Single(pinned["items"]!.AsArray())!["id"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("status=sleeping", "status")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task Bad_filters_are_400_problems_naming_the_parameter(string query, string field)
    {
        using var response = await api.Client.GetAsync($"/api/v1/executions?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.ReadJsonAsync())["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_date_that_is_no_date_is_a_400_not_a_500()
    {
        using var response = await api.Client.GetAsync("/api/v1/executions?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonNode> ListAsync(string query) => await api.Client.GetJsonAsync($"/api/v1/executions?{query}");

    private static ExecutionRecord Row(string path, string name, string status, string user, DateTimeOffset created) => new ExecutionRecord
    {
        Id = Guid.NewGuid(), PlaybookPath = path, PlaybookName = name, ParametersJson = "{}", CreatedAt = created,
        StartedAt = created, FinishedAt = status == "running" ? null : created.AddMinutes(1), StartedBy = user,
    }.InStatus(status);
}
