using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>Every /api/v1 group needs a token (401 problem without one); roles decide what a user may do (403 problem).</summary>
[Trait("Category", "Functional")]
public sealed class AccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("GET", "/api/v1/executions")]
    [InlineData("POST", "/api/v1/executions")]
    [InlineData("GET", "/api/v1/executions/00000000-0000-0000-0000-000000000001/artifacts")]
    [InlineData("DELETE", "/api/v1/executions/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/v1/playbooks")]
    [InlineData("PUT", "/api/v1/playbooks/a/b.yaml")]
    [InlineData("GET", "/api/v1/step-types")]
    [InlineData("GET", "/api/v1/credentials")]
    [InlineData("GET", "/api/v1/users")]
    [InlineData("GET", "/api/v1/audit")]
    [InlineData("GET", "/api/v1/auth/me")]
    public async Task Protected_routes_answer_401_problem_without_a_token(string method, string path)
    {
        using var anonymous = api.CreateAnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await anonymous.SendAsync(request);
        await AuthTestTools.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/api/v1/version")]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Version_and_health_stay_open(string path)
    {
        using var anonymous = api.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(path);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_or_expired_token_is_refused()
    {
        using var anonymous = api.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", api.TokenFor() + "x");
        using var response = await anonymous.GetAsync("/api/v1/executions");
        await AuthTestTools.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_run_or_edit()
    {
        api.WritePlaybook("access/hello.yaml", SamplePlaybooks.Hello());
        using var viewer = await api.CreateUserClientAsync("viewer");
        using (var list = await viewer.GetAsync("/api/v1/executions")) Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var playbooks = await viewer.GetAsync("/api/v1/playbooks")) Assert.Equal(HttpStatusCode.OK, playbooks.StatusCode);
        using (var run = await viewer.PostJsonAsync("/api/v1/executions", new { playbook = "access/hello.yaml", parameters = new { greeting = "hi" } }))
            await AuthTestTools.AssertProblemAsync(run, HttpStatusCode.Forbidden);
        using (var edit = await viewer.PutJsonAsync("/api/v1/playbooks/access/hello.yaml", new { yaml = SamplePlaybooks.Hello("Changed") }))
            await AuthTestTools.AssertProblemAsync(edit, HttpStatusCode.Forbidden);
        using (var control = await viewer.PostAsync($"/api/v1/executions/{Guid.NewGuid()}/cancel", null))
            await AuthTestTools.AssertProblemAsync(control, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_operator_runs_executions_but_cannot_manage_users_or_credentials()
    {
        api.WritePlaybook("access/op.yaml", SamplePlaybooks.Hello());
        using var op = await api.CreateUserClientAsync("operator");
        using (var run = await op.PostJsonAsync("/api/v1/executions", new { playbook = "access/op.yaml", parameters = new { greeting = "hi" } }))
            Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        using (var users = await op.GetAsync("/api/v1/users"))
            await AuthTestTools.AssertProblemAsync(users, HttpStatusCode.Forbidden);
        using (var create = await op.PostJsonAsync("/api/v1/users", new { username = "sneaky", password = "sneaky-password", role = "admin" }))
            await AuthTestTools.AssertProblemAsync(create, HttpStatusCode.Forbidden);
        using (var credential = await op.PostJsonAsync("/api/v1/credentials", new { name = "op-cred", kind = "generic_secret", fields = new { value = "x" } }))
            await AuthTestTools.AssertProblemAsync(credential, HttpStatusCode.Forbidden);
        using (var audit = await op.GetAsync("/api/v1/audit"))
            await AuthTestTools.AssertProblemAsync(audit, HttpStatusCode.Forbidden);
        using (var credentials = await op.GetAsync("/api/v1/credentials")) Assert.Equal(HttpStatusCode.OK, credentials.StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_an_unauthenticated_connection_and_takes_the_token_from_the_query()
    {
        using var anonymous = api.CreateAnonymousClient();
        using (var refused = await anonymous.PostAsync("/hubs/executions/negotiate?negotiateVersion=1", null))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var accepted = await anonymous.PostAsync($"/hubs/executions/negotiate?negotiateVersion=1&access_token={api.TokenFor("viewer", "watcher")}", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_token()
    {
        using var anonymous = api.CreateAnonymousClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.NotNull(document["security"]);
    }
}
