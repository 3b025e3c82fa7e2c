using System.Net;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Tests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace IgnitionToolkit.Api.Tests.Ai;

/// <summary>The API with MassTransit's in-memory harness in place of RabbitMQ (these endpoints never touch the bus) and,
/// when <see cref="AiOn"/>, an AI provider configured that no test reaches (every call here is refused before it).</summary>
public abstract class AiApiFixture : ApiFixture
{
    protected abstract bool AiOn { get; }

    protected override bool BrokerAvailable => false;

    protected override void ConfigureApi(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness(x => x.SetTestTimeouts(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(5))));
        if (!AiOn) return;
        builder.UseSetting("Toolkit:Ai:Provider", "ollama");
        builder.UseSetting("Toolkit:Ai:Model", "llama3.2");
        builder.UseSetting("Toolkit:Ai:Endpoint", "http://127.0.0.1:9/v1"); // discard port: never called by these tests
    }
}

public sealed class AiOffApiFixture : AiApiFixture
{
    protected override bool AiOn => false;
}

public sealed class AiOnApiFixture : AiApiFixture
{
    protected override bool AiOn => true;
}

[Trait("Category", "Unit")]
public sealed class AiSwitchedOffEndpointTests(AiOffApiFixture api) : IClassFixture<AiOffApiFixture>
{
    [Fact]
    public async Task Without_AI_settings_the_API_says_AI_is_off_and_refuses_the_conversation()
    {
        var status = await api.Client.GetJsonAsync("/api/v1/ai");
        Assert.False(status["enabled"]!.GetValue<bool>());
        Assert.Null(status["provider"]);

        using var thread = await api.Client.GetAsync($"/api/v1/executions/{Guid.NewGuid()}/ai");
        Assert.Equal(HttpStatusCode.NotFound, thread.StatusCode);
        Assert.Equal("application/problem+json", thread.Content.Headers.ContentType!.MediaType);
        var problem = await thread.ReadJsonAsync();
        Assert.Equal("AI is not available", problem["title"]!.GetValue<string>());
        Assert.Contains("Toolkit:Ai:Provider", problem["detail"]!.GetValue<string>());
    }
}

[Trait("Category", "Unit")]
public sealed class AiEndpointTests(AiOnApiFixture api) : IClassFixture<AiOnApiFixture>
{
    [Fact]
    public async Task With_AI_settings_the_API_names_the_provider_and_model()
    {
        var status = await api.Client.GetJsonAsync("/api/v1/ai");
        Assert.True(status["enabled"]!.GetValue<bool>());
        Assert.Equal("ollama", status["provider"]!.GetValue<string>());
        Assert.Equal("llama3.2", status["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explaining_or_asking_about_an_execution_that_does_not_exist_is_a_404_problem()
    {
        var id = Guid.NewGuid();
        using var explain = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/ai/explain", new { stepPath = "login" });
        Assert.Equal(HttpStatusCode.NotFound, explain.StatusCode);
        Assert.Equal("application/problem+json", explain.Content.Headers.ContentType!.MediaType);
        Assert.Contains(id.ToString(), (await explain.ReadJsonAsync())["detail"]!.GetValue<string>());

        using var ask = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/ai/messages", new { text = "why?" });
        Assert.Equal(HttpStatusCode.NotFound, ask.StatusCode);
        Assert.Contains("does not exist", (await ask.ReadJsonAsync())["detail"]!.GetValue<string>());

        using var noStep = await api.Client.PostJsonAsync($"/api/v1/executions/{id}/ai/explain", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noStep.StatusCode);
        Assert.Contains("step_path", (await noStep.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_reads_the_AI_status_but_may_not_ask_the_provider()
    {
        using var viewer = api.Authorize(api.Factory.CreateClient(), Roles.Viewer, "ai-viewer");
        using var status = await viewer.GetAsync("/api/v1/ai");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        using var explain = await viewer.PostJsonAsync($"/api/v1/executions/{Guid.NewGuid()}/ai/explain", new { stepPath = "login" });
        Assert.Equal(HttpStatusCode.Forbidden, explain.StatusCode);
    }
}
