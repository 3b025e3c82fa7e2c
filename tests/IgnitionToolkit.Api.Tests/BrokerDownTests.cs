using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests;

/// <summary>An API whose broker cannot be reached (nothing listens on port 1).</summary>
[Trait("Category", "Functional")]
public sealed class BrokerDownApiFixture : ApiFixture
{
    protected override Uri Broker => new("amqp://guest:guest@127.0.0.1:1/");

    protected override bool BrokerAvailable => false;
}

[Trait("Category", "Functional")]
public sealed class BrokerDownTests(BrokerDownApiFixture api) : IClassFixture<BrokerDownApiFixture>
{
    [Fact]
    public async Task Start_fails_with_503_instead_of_hanging_is_not_audited_as_started_and_health_says_why()
    {
        api.WritePlaybook("down/hello.yaml", SamplePlaybooks.Hello());
        using var response = await api.Client.PostJsonAsync("/api/v1/executions", new { playbook = "down/hello.yaml", parameters = new { greeting = "x" } });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("broker", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());

        var failed = await api.Client.GetJsonAsync("/api/v1/executions?status=failed");
        Assert.Equal(1, failed["total_count"]!.GetValue<int>());
        var audit = await api.Client.GetJsonAsync("/api/v1/audit?action=execution.started");
        Assert.Equal(0, audit["total_count"]!.GetValue<int>()); // a start that could not be queued is not audited as started

        using var health = await api.Client.GetAsync("/health");
        Assert.NotEqual(HttpStatusCode.OK, health.StatusCode);
        Assert.NotEqual("Healthy", (await health.ReadJsonAsync())["components"]!["masstransit-bus"]!["status"]!.GetValue<string>());
    }
}
