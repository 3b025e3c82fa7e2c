using System.Net;
using System.Xml.Linq;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Executions;

/// <summary><c>GET /api/v1/executions/{id}/report</c>: the JUnit and HTML reports of a stored execution, as the command
/// line writes them, downloadable as files; a bad format or an unknown execution is a problem, never a 500.</summary>
[Trait("Category", "Functional")]
public sealed class ExecutionReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_failed_execution_downloads_as_junit_with_a_test_case_per_step_and_as_html_with_the_failure_first()
    {
        var id = await RunFailedAsync();

        using var junit = await api.Client.GetAsync($"/api/v1/executions/{id}/report?format=junit");
        Assert.Equal(HttpStatusCode.OK, junit.StatusCode);
        Assert.Equal("application/xml", junit.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"execution-{id}-junit.xml", junit.Content.Headers.ContentDisposition?.FileNameStar ?? junit.Content.Headers.ContentDisposition?.FileName);
        var suite = XDocument.Parse(await junit.Content.ReadAsStringAsync()).Root!.Element("testsuite")!;
        Assert.Equal("Hello", suite.Attribute("name")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["say (Say hello)", "pause (Short wait)"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.Contains("hello report", cases[0].Element("system-out")!.Value);
        Assert.Equal("the wait broke", cases[1].Element("failure")!.Attribute("message")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);

        using var html = await api.Client.GetAsync($"/api/v1/executions/{id}/report?format=html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        var failure = page.IndexOf("<section id=\"failure\">", StringComparison.Ordinal);
        Assert.True(failure >= 0 && failure < page.IndexOf("<section id=\"steps\">", StringComparison.Ordinal), "the failure comes first");
        Assert.Contains("the wait broke", page);
    }

    [Fact]
    public async Task A_bad_format_is_a_400_naming_the_field_and_an_unknown_execution_a_404()
    {
        var id = await RunFailedAsync();

        using var bad = await api.Client.GetAsync($"/api/v1/executions/{id}/report?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("format", await bad.Content.ReadAsStringAsync());

        using var missing = await api.Client.GetAsync($"/api/v1/executions/{Guid.NewGuid()}/report?format=junit");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Plays a Runner whose first step logs and completes and whose second step fails.</summary>
    private async Task<Guid> RunFailedAsync()
    {
        var id = await api.StartAsync(api.WritePlaybook($"report/{Guid.NewGuid():N}.yaml", SamplePlaybooks.Hello()), new { greeting = "hi" });
        var none = new Dictionary<string, object?>();
        var sequence = 0;
        async Task Publish(IgnitionToolkit.Contracts.Events.ExecutionEvent e) => await api.Runner.PublishAsync(api.Runner.Event(id, ++sequence, e));
        await Publish(Events.ExecutionStarted("Hello", 2));
        await Publish(Events.StepStarted("say", null, "say", "Say hello", "utility.log", 1, none));
        await Publish(Events.Log("say", "info", "hello report"));
        await Publish(Events.StepFinished("say", null, "say", "completed", none, null, 12, 1));
        await Publish(Events.StepStarted("pause", null, "pause", "Short wait", "utility.wait", 1, none));
        await Publish(Events.StepFinished("pause", null, "pause", "failed", none, "the wait broke", 30, 1));
        await Publish(Events.ExecutionFinished("failed", "step pause failed", 50));
        await api.WaitForStatusAsync(id, "failed");
        return id;
    }
}
