using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests;

[Trait("Category", "Functional")]
public sealed class SqliteExecutionTests(ApiFixture api) : ExecutionPersistenceTests(api), IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Sqlite_database_file_is_in_the_data_folder() =>
        Assert.True(await Task.FromResult(File.Exists(Path.Combine(Api.DataDirectory, "toolkit.db"))));
}

[Trait("Category", "Functional")]
public sealed class PostgresExecutionTests(PostgresApiFixture api) : ExecutionPersistenceTests(api), IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task Api_reports_postgresql() =>
        Assert.Equal("postgresql", (await Api.Client.GetJsonAsync("/api/v1/version"))["database"]!.GetValue<string>());
}

/// <summary>Execution behaviour, run once on SQLite and once on PostgreSQL.</summary>
[Trait("Category", "Functional")]
public abstract partial class ExecutionPersistenceTests(ApiFixture api)
{
    protected ApiFixture Api { get; } = api;

    [Fact]
    public async Task Migrations_are_applied_and_match_the_model()
    {
        await using var scope = Api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Start_sends_StartExecution_with_nested_playbooks_and_stores_masked_parameters()
    {
        Api.WritePlaybook("flow/child.yaml", SamplePlaybooks.Hello("Child"));
        Api.WritePlaybook("flow/parent.yaml", SamplePlaybooks.Parent("child.yaml"));
        Api.WritePlaybook("flow/hello.yaml", SamplePlaybooks.Hello());

        var parent = await Api.StartAsync("flow/parent.yaml", new { });
        var start = await Api.WaitForStartAsync(parent);
        Assert.Equal("flow/parent.yaml", start.PlaybookPath);
        Assert.Equal(SamplePlaybooks.Parent("child.yaml"), start.PlaybookYaml);
        Assert.Equal(SamplePlaybooks.Hello("Child"), start.NestedPlaybooks["flow/child.yaml"]);

        var hello = await Api.StartAsync("flow/hello.yaml", new { greeting = "hi", api_password = "s3cret", count = 3 }, debug: true);
        var helloStart = await Api.WaitForStartAsync(hello);
        Assert.True(helloStart.DebugMode);
        var sent = JsonNode.Parse(helloStart.ParametersJson)!;
        Assert.Equal("s3cret", sent["api_password"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, sent["count"]!.GetValueKind());

        var stored = await Api.GetExecutionAsync(hello);
        Assert.Equal("pending", stored["execution"]!["status"]!.GetValue<string>());
        Assert.Equal("***", stored["parameters"]!["api_password"]!.GetValue<string>());
        Assert.Equal(3, stored["parameters"]!["count"]!.GetValue<int>());
        Assert.DoesNotContain("s3cret", stored.ToJsonString());
    }

    [Fact]
    public async Task Start_bundles_every_nested_level_found_next_to_the_caller_or_at_the_library_root()
    {
        Api.WritePlaybook("bundle/top.yaml", SamplePlaybooks.Parent("mid.yaml"));
        Api.WritePlaybook("bundle/mid.yaml", SamplePlaybooks.Parent("leaf.yaml"));
        Api.WritePlaybook("leaf.yaml", SamplePlaybooks.Hello("Leaf"));
        var top = await Api.WaitForStartAsync(await Api.StartAsync("bundle/top.yaml", new { }));
        Assert.Equal(["bundle/mid.yaml", "leaf.yaml"], top.NestedPlaybooks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SamplePlaybooks.Hello("Leaf"), top.NestedPlaybooks["leaf.yaml"]);

        Api.CopyExamples("nested");
        var example = await Api.WaitForStartAsync(await Api.StartAsync("nested/parent.yaml", new { who = "ops" }));
        var child = Assert.Single(example.NestedPlaybooks);
        Assert.Equal("nested/child_greeting.yaml", child.Key);
        Assert.Equal(File.ReadAllText(Path.Combine(Api.PlaybooksDirectory, "nested", "child_greeting.yaml")), child.Value);
        Assert.Equal("ops", JsonNode.Parse(example.ParametersJson)!["who"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_refuses_unknown_playbooks_invalid_playbooks_and_bad_parameters()
    {
        Api.WritePlaybook("refuse/hello.yaml", SamplePlaybooks.Hello());
        Api.WritePlaybook("refuse/broken.yaml", SamplePlaybooks.Invalid);

        await AssertProblem(new { playbook = "refuse/nope.yaml" }, HttpStatusCode.NotFound);
        var invalid = await AssertProblem(new { playbook = "refuse/broken.yaml" }, HttpStatusCode.BadRequest);
        Assert.Equal(8, invalid["diagnostics"]!.AsArray().Single(d => d!["field"]!.GetValue<string>() == "steps[1].type")!["line"]!.GetValue<int>());
        var missing = await AssertProblem(new { playbook = "refuse/hello.yaml", parameters = new { count = 2 } }, HttpStatusCode.BadRequest);
        Assert.Equal("parameters.greeting", Assert.Single(missing["diagnostics"]!.AsArray())!["field"]!.GetValue<string>());
        var typed = await AssertProblem(new { playbook = "refuse/hello.yaml", parameters = new { greeting = "x", count = "many", extra = 1 } }, HttpStatusCode.BadRequest);
        var problems = typed["diagnostics"]!.AsArray();
        Assert.Equal(["parameters.count", "parameters.extra"], problems.Select(d => d!["field"]!.GetValue<string>()).Order());
        var count = problems.Single(d => d!["field"]!.GetValue<string>() == "parameters.count")!;
        Assert.Contains("integer", count["message"]!.GetValue<string>());
        Assert.Contains("many", count["message"]!.GetValue<string>());
        Assert.Equal(13, count["line"]!.GetValue<int>());
        Assert.Equal("refuse/hello.yaml", count["file"]!.GetValue<string>());
        Assert.Contains("unknown parameter 'extra'", problems.Single(d => d!["field"]!.GetValue<string>() == "parameters.extra")!["message"]!.GetValue<string>());

        var secret = await AssertProblem(new { playbook = "refuse/hello.yaml", parameters = new { greeting = "x", api_password = new[] { "hunter22" } } }, HttpStatusCode.BadRequest);
        Assert.Equal("parameters.api_password", Assert.Single(secret["diagnostics"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.DoesNotContain("hunter22", secret.ToJsonString());

        Api.WritePlaybook("refuse/typed.yaml", SamplePlaybooks.Hello());
        var converted = await Api.WaitForStartAsync(await Api.StartAsync("refuse/typed.yaml", new { greeting = "x", count = "7" }));
        Assert.Equal("7", JsonNode.Parse(converted.ParametersJson)!["count"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_pages_and_filters_by_status()
    {
        Api.WritePlaybook("paging/hello.yaml", SamplePlaybooks.Hello());
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(await Api.StartAsync("paging/hello.yaml"));
        foreach (var id in ids.Take(3))
        {
            using var cancel = await Api.Client.PostAsync($"/api/v1/executions/{id}/cancel", null);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var page = await Api.Client.GetJsonAsync("/api/v1/executions?status=cancelled&page=1&pageSize=2");
        var total = page["total_count"]!.GetValue<int>();
        Assert.True(total >= 3);
        Assert.Equal((total + 1) / 2, page["total_pages"]!.GetValue<int>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.All(page["items"]!.AsArray(), e => Assert.Equal("cancelled", e!["status"]!.GetValue<string>()));

        var seen = new List<Guid>();
        for (var p = 1; ; p++)
        {
            var current = await Api.Client.GetJsonAsync($"/api/v1/executions?status=pending,cancelled&page={p}&pageSize=3");
            seen.AddRange(current["items"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()));
            if (p >= current["total_pages"]!.GetValue<int>()) break;
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, seen));

        using var bad = await Api.Client.GetAsync("/api/v1/executions?status=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Control_commands_are_published_and_refused_once_terminal()
    {
        Api.WritePlaybook("control/hello.yaml", SamplePlaybooks.Hello());
        var running = await Api.StartAsync("control/hello.yaml");
        await Api.Runner.PublishAsync(Api.Runner.Event(running, 1, Events.ExecutionStarted("Hello", 2)));
        await Api.WaitForStatusAsync(running, "running");
        foreach (var command in new[] { "pause", "resume", "skip", "skip-back" })
        {
            using var response = await Api.Client.PostAsync($"/api/v1/executions/{running}/{command}", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Api.WaitForControlAsync(running, command.Replace('-', '_'));
        }

        var pending = await Api.StartAsync("control/hello.yaml");
        using (var cancel = await Api.Client.PostAsync($"/api/v1/executions/{pending}/cancel", null))
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await Api.GetExecutionAsync(pending);
        Assert.Equal("cancelled", cancelled["execution"]!["status"]!.GetValue<string>());
        await Api.WaitForControlAsync(pending, "cancel");

        using var late = await Api.Client.PostAsync($"/api/v1/executions/{pending}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(409, (await late.ReadJsonAsync())["status"]!.GetValue<int>());
        using var unknown = await Api.Client.PostAsync($"/api/v1/executions/{running}/explode", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<JsonNode> AssertProblem(object body, HttpStatusCode expected)
    {
        using var response = await Api.Client.PostJsonAsync("/api/v1/executions", body);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await response.ReadJsonAsync();
    }
}
