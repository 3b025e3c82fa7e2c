using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Tests.Auth;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Tokens;

[Trait("Category", "Functional")]
public sealed class SqliteApiTokenTests(ApiFixture api) : ApiTokenTests(api), IClassFixture<ApiFixture>;

[Trait("Category", "Functional")]
public sealed class PostgresApiTokenTests(PostgresApiFixture api) : ApiTokenTests(api), IClassFixture<PostgresApiFixture>;

/// <summary>API tokens as an automation user meets them: an admin creates one (the secret is shown once and only its
/// hash is stored), any HTTP client and the live hub use it as <c>Authorization: Bearer itk_…</c> with the token's role,
/// the list shows when it was last used, the audit trail names it, and a revoked token is refused on the next request.</summary>
public abstract class ApiTokenTests(ApiFixture api)
{
    [Fact]
    public async Task A_created_token_works_as_bearer_is_listed_with_its_last_use_and_is_refused_right_after_revocation()
    {
        api.WritePlaybook("tokens/hello.yaml", SamplePlaybooks.Hello());
        var name = NewName("ci");
        var created = await CreateAsync(name, Roles.Operator, expiresInDays: 30);
        var secret = created["secret"]!.GetValue<string>();
        var id = created["token"]!["id"]!.GetValue<Guid>();
        Assert.StartsWith("itk_", secret);
        Assert.True(secret.Length >= 40, secret.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("active", created["token"]!["status"]!.GetValue<string>());
        Assert.Null(created["token"]!["last_used_at"]);

        using var ci = Client(secret);
        using (var started = await ci.PostJsonAsync("/api/v1/executions", new { playbook = "tokens/hello.yaml", parameters = new { greeting = "from CI" } }))
        {
            Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
            var execution = await started.ReadJsonAsync();
            Assert.Equal($"token:{name}", execution["started_by"]!.GetValue<string>());
        }
        var me = await ci.GetJsonAsync("/api/v1/auth/me");
        Assert.Equal($"token:{name}", me["user"]!["username"]!.GetValue<string>());
        Assert.Equal(Roles.Operator, me["user"]!["role"]!.GetValue<string>());

        // listed without its secret, with the time it was last used
        using (var listResponse = await api.Client.GetAsync("/api/v1/tokens"))
        {
            var text = await listResponse.Content.ReadAsStringAsync();
            Assert.DoesNotContain(secret, text);
            var listed = JsonNode.Parse(text)!.AsArray().Single(t => t!["id"]!.GetValue<Guid>() == id)!;
            Assert.NotNull(listed["last_used_at"]);
            Assert.Equal(secret[..8] + "…", listed["hint"]!.GetValue<string>());
            Assert.Equal(Roles.Operator, listed["role"]!.GetValue<string>());
        }
        // stored hashed: the secret is nowhere in the table
        await using (var scope = api.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
            var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id);
            Assert.NotEqual(secret, row.SecretHash);
            Assert.DoesNotContain(secret[4..], row.SecretHash + row.Hint);
        }

        // the audit trail names the token: its creation, and what it did
        var audit = await api.Client.GetJsonAsync($"/api/v1/audit?user=token:{name}");
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "execution.started");
        var creation = await api.Client.GetJsonAsync($"/api/v1/audit?action=api_token.created&targetId={id}");
        Assert.Single(creation["items"]!.AsArray());

        // revoked mid-use: the very next request is refused
        using (var revoked = await api.Client.DeleteAsync($"/api/v1/tokens/{id}")) Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using (var after = await ci.GetAsync("/api/v1/executions")) await AuthTestTools.AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        using var anonymous = api.CreateAnonymousClient();
        using (var hub = await anonymous.PostAsync($"/hubs/executions/negotiate?negotiateVersion=1&access_token={secret}", null))
            Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        var shown = await api.Client.GetJsonAsync($"/api/v1/tokens/{id}");
        Assert.Equal("revoked", shown["status"]!.GetValue<string>());
        Assert.Equal(ApiFixture.AdminUser, shown["revoked_by"]!.GetValue<string>());
        var revocation = await api.Client.GetJsonAsync($"/api/v1/audit?action=api_token.revoked&targetId={id}");
        Assert.Single(revocation["items"]!.AsArray());
    }

    [Fact]
    public async Task A_viewer_token_reads_and_opens_the_live_hub_but_cannot_start_an_execution()
    {
        api.WritePlaybook("tokens/viewer.yaml", SamplePlaybooks.Hello());
        var secret = (await CreateAsync(NewName("dashboard"), Roles.Viewer))["secret"]!.GetValue<string>();
        using var viewer = Client(secret);
        using (var list = await viewer.GetAsync("/api/v1/executions")) Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var forbidden = await viewer.PostJsonAsync("/api/v1/executions", new { playbook = "tokens/viewer.yaml", parameters = new { greeting = "hi" } }))
            await AuthTestTools.AssertProblemAsync(forbidden, HttpStatusCode.Forbidden);
        using (var users = await viewer.GetAsync("/api/v1/users")) await AuthTestTools.AssertProblemAsync(users, HttpStatusCode.Forbidden);
        using (var hub = await viewer.PostAsync("/hubs/executions/negotiate?negotiateVersion=1", null)) Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_token_closes_its_open_live_hub_connection()
    {
        var created = await CreateAsync(NewName("monitor"), Roles.Viewer);
        var secret = created["secret"]!.GetValue<string>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Factory.Server.BaseAddress, "hubs/executions"), HttpTransportType.LongPolling, o =>
            {
                o.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(secret);
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeList");

        using (var revoked = await api.Client.DeleteAsync($"/api/v1/tokens/{created["token"]!["id"]!.GetValue<Guid>()}"))
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Unknown_and_malformed_tokens_are_refused_and_only_admins_manage_tokens()
    {
        using var unknownClient = Client("itk_" + new string('A', 43));
        using (var unknown = await unknownClient.GetAsync("/api/v1/executions"))
            await AuthTestTools.AssertProblemAsync(unknown, HttpStatusCode.Unauthorized);
        using var operatorClient = Client((await CreateAsync(NewName("op"), Roles.Operator))["secret"]!.GetValue<string>());
        using (var refused = await operatorClient.GetAsync("/api/v1/tokens")) await AuthTestTools.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        using var operatorUser = await api.CreateUserClientAsync(Roles.Operator);
        using (var create = await operatorUser.PostJsonAsync("/api/v1/tokens", new { name = NewName("x"), role = Roles.Admin }))
            await AuthTestTools.AssertProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("has space", "operator", null, "name")]
    [InlineData("", "operator", null, "name")]
    [InlineData("okname", "root", null, "role")]
    [InlineData("okname", "viewer", 0, "expires_in_days")]
    [InlineData("okname", "viewer", 4000, "expires_in_days")]
    public async Task A_bad_request_names_the_field(string name, string role, int? days, string field)
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/tokens", new { name, role, expires_in_days = days });
        var problem = await AuthTestTools.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_listed_as_expired()
    {
        var created = await CreateAsync(NewName("short"), Roles.Viewer, expiresInDays: 1);
        var id = created["token"]!["id"]!.GetValue<Guid>();
        using var client = Client(created["secret"]!.GetValue<string>());
        using (var before = await client.GetAsync("/api/v1/executions")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await using (var scope = api.CreateScope()) // its day has passed
            await scope.ServiceProvider.GetRequiredService<ToolkitDbContext>().ApiTokens.Where(t => t.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        using (var after = await client.GetAsync("/api/v1/executions")) await AuthTestTools.AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.Equal("expired", (await api.Client.GetJsonAsync($"/api/v1/tokens/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused_and_a_duplicate_name_conflicts()
    {
        using (var past = await api.Client.PostJsonAsync("/api/v1/tokens", new { name = NewName("old"), role = Roles.Viewer, expires_at = DateTimeOffset.UtcNow.AddDays(-1) }))
            Assert.Equal("expires_at", (await AuthTestTools.AssertProblemAsync(past, HttpStatusCode.BadRequest))["field"]!.GetValue<string>());
        var name = NewName("twice");
        await CreateAsync(name, Roles.Viewer);
        using var again = await api.Client.PostJsonAsync("/api/v1/tokens", new { name, role = Roles.Viewer });
        await AuthTestTools.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    private async Task<JsonNode> CreateAsync(string name, string role, int? expiresInDays = null)
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/tokens", new { name, role, expires_in_days = expiresInDays });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private HttpClient Client(string secret)
    {
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
