using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Ops.Tests;

[Trait("Category", "Functional")]
public sealed class StackOperationsTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private ToolkitStack Stack => fixture.Stack;

    private static async Task<string> ScrapeAsync(ToolkitProcess service)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        return await http.GetStringAsync("metrics");
    }

    /// <summary>Waits until the condition holds on a fresh scrape (counters of the last events may still be on their way).</summary>
    private static async Task<string> ScrapeUntilAsync(ToolkitProcess service, Func<string, bool> done)
    {
        var text = "";
        await Wait.HoldsAsync(async () => done(text = await ScrapeAsync(service)), Wait.DefaultTimeout, TimeSpan.FromMilliseconds(200));
        return text;
    }

    [Fact]
    public async Task Api_metrics_count_the_execution_and_sample_running_and_queued()
    {
        var text = await ScrapeUntilAsync(Stack.Api, t => t.Contains("toolkit_executions_finished_total{", StringComparison.Ordinal)
            && t.Contains("toolkit_executions_queued", StringComparison.Ordinal));
        Assert.Contains("toolkit_executions_started_total{", text);
        Assert.Matches(@"toolkit_executions_finished_total\{[^}]*playbook=""ops/secret_log.yaml""[^}]*status=""completed""[^}]*\} 1", text);
        Assert.Contains("toolkit_executions_running", text);
        Assert.Contains("toolkit_executions_queued", text);
        Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET instrumentation
    }

    [Fact]
    public async Task Runner_metrics_have_step_durations_by_type_and_capacity()
    {
        var runner = Stack.Runners[0];
        var text = await ScrapeUntilAsync(runner, t => t.Contains("toolkit_runner_executions_finished_total{", StringComparison.Ordinal));
        Assert.Matches(@"toolkit_step_duration_seconds_bucket\{[^}]*step_type=""utility.log""", text);
        Assert.Matches(@"toolkit_step_duration_seconds_count\{[^}]*step_type=""utility.wait""[^}]*\} 1", text);
        Assert.Matches(@"toolkit_runner_executions_finished_total\{[^}]*playbook=""ops/secret_log.yaml""[^}]*status=""completed""[^}]*\} 1", text);
        Assert.Contains("toolkit_runner_capacity", text);
        Assert.Contains("toolkit_runner_executions_active", text);
    }

    [Fact]
    public async Task Runner_metrics_measure_gateway_calls_and_count_their_errors()
    {
        var text = await ScrapeUntilAsync(Stack.Runners[0], t => t.Contains("toolkit_gateway_errors_total{", StringComparison.Ordinal));
        Assert.Matches(@"toolkit_gateway_request_duration_seconds_count\{[^}]*method=""GET""[^}]*status_code=""200""[^}]*\} [1-9]", text);
        Assert.Matches(@"toolkit_gateway_errors_total\{[^}]*reason=""connection""[^}]*\} [1-9]", text);
        Assert.Matches(@"toolkit_runner_executions_finished_total\{[^}]*playbook=""ops/ping.yaml""[^}]*status=""failed""[^}]*\} 1", text);
    }

    [Fact]
    public async Task Health_lists_the_components()
    {
        var api = JsonNode.Parse(await Stack.Http.GetStringAsync("health"))!["components"]!.AsObject();
        foreach (var name in new[] { "database", "masstransit-bus", "disk", "data_folder" })
            Assert.True(api.ContainsKey(name), $"API /health lacks {name}: {api.ToJsonString()}");
        Assert.Equal("Healthy", api["data_folder"]!["status"]!.GetValue<string>());
        Assert.Contains("MB free", api["disk"]!["description"]!.GetValue<string>());

        using var http = new HttpClient { BaseAddress = Stack.Runners[0].BaseAddress };
        var runner = JsonNode.Parse(await http.GetStringAsync("health"))!["components"]!.AsObject();
        foreach (var name in new[] { "runner", "masstransit-bus", "disk", "data_folder" })
            Assert.True(runner.ContainsKey(name), $"Runner /health lacks {name}: {runner.ToJsonString()}");
    }

    [Fact]
    public async Task Old_unversioned_paths_are_permanently_redirected_with_the_query()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CheckCertificateRevocationList = true }) { BaseAddress = Stack.Api.BaseAddress };
        using var response = await http.GetAsync("api/executions?status=completed&limit=5");
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/api/v1/executions?status=completed&limit=5", response.Headers.Location!.OriginalString);

        http.DefaultRequestHeaders.Authorization = Stack.Http.DefaultRequestHeaders.Authorization; // /api/v1 needs a token
        using var versioned = await http.GetAsync("api/v1/playbooks");
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        // Following the redirect reaches /api/v1; .NET's HttpClient drops the Authorization header on a redirect, so a
        // redirected request is unauthenticated (401) and clients must call /api/v1 directly (docs/api-changelog.md).
        using var followed = await Stack.Http.GetAsync("api/playbooks");
        Assert.Equal("/api/v1/playbooks", followed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, followed.StatusCode);
        using var direct = await Stack.Http.GetAsync(followed.RequestMessage.RequestUri);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
    }

    [Fact]
    public async Task Api_reference_and_openapi_document_are_served()
    {
        using var page = await Stack.Http.GetAsync("scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString());
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
        var document = JsonNode.Parse(await Stack.Http.GetStringAsync("openapi/v1.json"))!;
        Assert.NotNull(document["paths"]!["/api/v1/executions"]);
    }

    [Fact]
    public async Task Log_files_roll_per_service_with_execution_ids_and_no_secrets()
    {
        var logs = Path.Combine(Stack.Root, "data", "logs");
        var id = fixture.ExecutionId.ToString();
        string runnerLog = "", apiLog = "";
        await Wait.HoldsAsync(() =>
        {
            runnerLog = ReadShared(Path.Combine(logs, "runner.log"));
            apiLog = ReadShared(Path.Combine(logs, "api.log"));
            return runnerLog.Contains("token is ***", StringComparison.Ordinal);
        }, Wait.DefaultTimeout, TimeSpan.FromMilliseconds(200));

        var executionLines = runnerLog.Split('\n').Where(l => l.Contains(id, StringComparison.Ordinal) || l.Contains("token is", StringComparison.Ordinal)).ToList();
        Assert.True(executionLines.Count >= 3, string.Join('\n', executionLines)); // received, started, the step's line, ended...
        Assert.All(executionLines, l => Assert.Contains($"[exec {id}]", l));
        Assert.Contains("token is ***", runnerLog);
        Assert.Contains(id, apiLog);
        foreach (var file in Directory.EnumerateFiles(logs))
            Assert.DoesNotContain(StackFixture.Secret, ReadShared(file));
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
