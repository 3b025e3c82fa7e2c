using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Auth;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Triggers;

[Trait("Category", "Functional")]
public sealed class SqliteTriggerApiTests(ApiFixture api) : TriggerApiTests(api), IClassFixture<ApiFixture>;

[Trait("Category", "Functional")]
public sealed class PostgresTriggerApiTests(PostgresApiFixture api) : TriggerApiTests(api), IClassFixture<PostgresApiFixture>;

/// <summary>Triggers as a CI system or a GitHub webhook meets them: an admin creates one and gets its secret once;
/// <c>POST /api/v1/triggers/{id}</c> with the secret as bearer or a GitHub-style body signature starts the playbook
/// (202 with the execution's id and URL, the Runner gets the body's parameters over the fixed ones); a wrong signature
/// is 401, parameters that do not fit the playbook are 422 naming the field.</summary>
public abstract class TriggerApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_signed_body_starts_the_playbook_with_its_parameters_over_the_fixed_ones()
    {
        var (id, secret) = await CreateAsync("triggers/signed.yaml", new { greeting = "fixed", count = 1 });
        var body = """{"count": 7}""";
        using var response = await FireAsync(id, body, signature: Sign(secret, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var fired = JsonNode.Parse(text)!;
        var executionId = fired["execution_id"]!.GetValue<Guid>();
        Assert.EndsWith($"/api/v1/executions/{executionId}", fired["execution_url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/executions/{executionId}", response.Headers.Location?.ToString());

        var start = await Wait.ForAsync(() => api.Runner.Starts.FirstOrDefault(s => s.ExecutionId == executionId),
            s => s is not null, "the Runner to receive the start", TimeSpan.FromSeconds(60));
        var parameters = JsonNode.Parse(start!.ParametersJson)!;
        Assert.Equal("fixed", parameters["greeting"]!.GetValue<string>());
        Assert.Equal(7, parameters["count"]!.GetValue<int>());

        var execution = await api.Client.GetJsonAsync($"/api/v1/executions/{executionId}");
        var name = (await api.Client.GetJsonAsync($"/api/v1/triggers/{id}"))["name"]!.GetValue<string>();
        Assert.Equal($"trigger:{name}", execution["execution"]!["started_by"]!.GetValue<string>());
        var audit = await api.Client.GetJsonAsync($"/api/v1/audit?action=execution.started&targetId={executionId}");
        Assert.Equal($"trigger:{name}", Assert.Single(audit["items"]!.AsArray())!["user"]!.GetValue<string>());
        var listed = await api.Client.GetJsonAsync($"/api/v1/triggers/{id}");
        Assert.Equal(executionId, listed["last_execution_id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task The_secret_as_bearer_starts_it_too_and_an_empty_body_uses_the_fixed_parameters()
    {
        var (id, secret) = await CreateAsync("triggers/bearer.yaml", new { greeting = "only fixed" });
        using var response = await FireAsync(id, "", bearer: secret);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        // what `curl -d` sends (form content type): the body is read as JSON all the same
        using var curlLike = await FireAsync(id, """{"count": 4}""", bearer: secret, contentType: "application/x-www-form-urlencoded");
        Assert.True(curlLike.StatusCode == HttpStatusCode.Accepted, await curlLike.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_signature_or_secret_is_401_and_audited_and_starts_nothing()
    {
        var (id, secret) = await CreateAsync("triggers/refused.yaml", new { greeting = "x" });
        var body = """{"count": 2}""";
        var before = api.Runner.Starts.Count;
        using (var bad = await FireAsync(id, body, signature: Sign(secret + "x", body))) await AuthTestTools.AssertProblemAsync(bad, HttpStatusCode.Unauthorized);
        using (var tampered = await FireAsync(id, """{"count": 3}""", signature: Sign(secret, body)))
            await AuthTestTools.AssertProblemAsync(tampered, HttpStatusCode.Unauthorized);
        using (var wrongBearer = await FireAsync(id, body, bearer: "itg_wrong")) await AuthTestTools.AssertProblemAsync(wrongBearer, HttpStatusCode.Unauthorized);
        using (var none = await FireAsync(id, body)) await AuthTestTools.AssertProblemAsync(none, HttpStatusCode.Unauthorized);
        using (var unknown = await FireAsync(Guid.NewGuid(), body, bearer: secret)) await AuthTestTools.AssertProblemAsync(unknown, HttpStatusCode.Unauthorized);
        // an admin's own access token is not the trigger's secret either
        using (var admin = await FireAsync(id, body, bearer: api.Client.DefaultRequestHeaders.Authorization!.Parameter))
            await AuthTestTools.AssertProblemAsync(admin, HttpStatusCode.Unauthorized);
        var refused = await api.Client.GetJsonAsync($"/api/v1/audit?action=trigger.refused&targetId={id}");
        Assert.Equal(5, refused["items"]!.AsArray().Count);
        Assert.Equal(before, api.Runner.Starts.Count);
    }

    [Fact]
    public async Task Parameters_that_do_not_fit_the_playbook_are_422_naming_the_field()
    {
        var (id, secret) = await CreateAsync("triggers/invalid.yaml", new { greeting = "x" });
        foreach (var (body, field) in new[] { ("""{"count": "many"}""", "parameters.count"), ("""{"colour": "red"}""", "parameters.colour"), ("[1, 2]", "body") })
        {
            using var response = await FireAsync(id, body, signature: Sign(secret, body));
            var problem = await AuthTestTools.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.Equal(field, problem["field"]!.GetValue<string>());
        }
        var (noGreeting, noGreetingSecret) = await CreateAsync("triggers/required.yaml", null);
        using var missing = await FireAsync(noGreeting, "{}", bearer: noGreetingSecret);
        Assert.Equal("parameters.greeting", (await AuthTestTools.AssertProblemAsync(missing, HttpStatusCode.UnprocessableEntity))["field"]!.GetValue<string>());
        using var notJson = await FireAsync(id, "{not json", bearer: secret);
        await AuthTestTools.AssertProblemAsync(notJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Admins_create_change_disable_and_delete_triggers_and_the_secret_is_shown_only_once()
    {
        var (id, secret) = await CreateAsync("triggers/crud.yaml", new { greeting = "x" });
        using (var list = await api.Client.GetAsync("/api/v1/triggers"))
        {
            var text = await list.Content.ReadAsStringAsync();
            Assert.Contains(id.ToString(), text);
            Assert.DoesNotContain(secret, text);
        }
        await using (var scope = api.CreateScope()) // sealed in the database, not in clear
        {
            var row = await scope.ServiceProvider.GetRequiredService<ToolkitDbContext>().Triggers.AsNoTracking().SingleAsync(t => t.Id == id);
            Assert.DoesNotContain(secret, row.SecretEnvelope);
        }
        var name = (await api.Client.GetJsonAsync($"/api/v1/triggers/{id}"))["name"]!.GetValue<string>();
        using (var disabled = await api.Client.PutJsonAsync($"/api/v1/triggers/{id}", new { name, playbook = "triggers/crud.yaml", parameters = new { greeting = "y" }, enabled = false }))
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        using (var refused = await FireAsync(id, "", bearer: secret)) await AuthTestTools.AssertProblemAsync(refused, HttpStatusCode.Conflict);

        using (var renewed = await api.Client.PostAsync($"/api/v1/triggers/{id}/secret", null))
        {
            var fresh = (await renewed.ReadJsonAsync())["secret"]!.GetValue<string>();
            Assert.NotEqual(secret, fresh);
        }
        using (var old = await FireAsync(id, "", bearer: secret)) await AuthTestTools.AssertProblemAsync(old, HttpStatusCode.Unauthorized);
        using (var deleted = await api.Client.DeleteAsync($"/api/v1/triggers/{id}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await api.Client.GetAsync($"/api/v1/triggers/{id}")) await AuthTestTools.AssertProblemAsync(gone, HttpStatusCode.NotFound);
        var audit = await api.Client.GetJsonAsync($"/api/v1/audit?targetType=trigger&targetId={id}");
        var actions = audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("trigger.created", actions);
        Assert.Contains("trigger.changed", actions);
        Assert.Contains("trigger.secret_changed", actions);
        Assert.Contains("trigger.deleted", actions);
    }

    [Fact]
    public async Task A_bad_definition_names_the_field_and_secret_parameters_are_refused()
    {
        api.WritePlaybook("triggers/def.yaml", SamplePlaybooks.Hello());
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { name = "", playbook = "triggers/def.yaml" }, "name"),
                     (new { name = NewName("t"), playbook = "triggers/missing.yaml" }, "playbook"),
                     (new { name = NewName("t"), playbook = "triggers/def.yaml", parameters = new { nope = 1 } }, "parameters.nope"),
                     (new { name = NewName("t"), playbook = "triggers/def.yaml", parameters = new { api_password = "hunter2" } }, "parameters.api_password"),
                     (new { name = NewName("t"), playbook = "triggers/def.yaml", credential_name = "no-such-credential" }, "credential_name"),
                 })
        {
            using var response = await api.Client.PostJsonAsync("/api/v1/triggers", body);
            var problem = await AuthTestTools.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(field, problem["field"]!.GetValue<string>());
        }
        using var viewer = await api.CreateUserClientAsync(IgnitionToolkit.Api.Auth.Roles.Operator);
        using var forbidden = await viewer.GetAsync("/api/v1/triggers");
        await AuthTestTools.AssertProblemAsync(forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Calls_over_the_triggers_rate_limit_get_429_with_retry_after()
    {
        var (id, _) = await CreateAsync("triggers/limited.yaml", new { greeting = "x" });
        await using var limited = api.Factory.WithWebHostBuilder(b => b.UseSetting("Toolkit:Triggers:PermitLimit", "2"));
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/triggers/{id}") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "itg_not-the-secret");
            last = await client.SendAsync(request);
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        last.Dispose();
    }

    private async Task<(Guid Id, string Secret)> CreateAsync(string playbook, object? parameters)
    {
        api.WritePlaybook(playbook, SamplePlaybooks.Hello());
        using var response = await api.Client.PostJsonAsync("/api/v1/triggers", new { name = NewName("deploy"), playbook, parameters });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var created = JsonNode.Parse(text)!;
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("itg_", secret);
        return (created["trigger"]!["id"]!.GetValue<Guid>(), secret);
    }

    private async Task<HttpResponseMessage> FireAsync(Guid id, string body, string? bearer = null, string? signature = null, string contentType = "application/json")
    {
        using var client = api.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/triggers/{id}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        return await client.SendAsync(request);
    }

    /// <summary>What GitHub sends: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body with the secret.</summary>
    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
