using System.Net;
using System.Net.Http.Headers;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>Security stamps: deleting a user, changing their role, or changing/resetting their password ends their
/// tokens at once (401); other users' tokens keep working.</summary>
[Trait("Category", "Functional")]
public sealed class TokenRevocationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Password = "user-password-1";

    [Fact]
    public async Task A_deleted_users_token_is_refused_at_once_also_by_the_hub()
    {
        var name = NewName("gone");
        using var user = await api.CreateUserClientAsync(Roles.Viewer, name, Password);
        using (var before = await user.GetAsync("/api/v1/executions")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var deleted = await api.Client.DeleteAsync($"/api/v1/users/{name}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using (var after = await user.GetAsync("/api/v1/executions"))
            await AuthTestTools.AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        using var anonymous = api.CreateAnonymousClient();
        using var hub = await anonymous.PostAsync($"/hubs/executions/negotiate?negotiateVersion=1&access_token={user.DefaultRequestHeaders.Authorization!.Parameter}", null);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
    }

    [Fact]
    public async Task A_demoted_operator_can_no_longer_start_an_execution_until_signing_in_again()
    {
        api.WritePlaybook("revoke/demote.yaml", SamplePlaybooks.Hello());
        var name = NewName("demoted");
        using var op = await api.CreateUserClientAsync(Roles.Operator, name, Password);
        var run = new { playbook = "revoke/demote.yaml", parameters = new { greeting = "hi" } };
        using (var started = await op.PostJsonAsync("/api/v1/executions", run)) Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        using (var demoted = await api.Client.PutJsonAsync($"/api/v1/users/{name}", new { role = Roles.Viewer }))
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        // the old token names a role the user no longer has: 401 (sign in again), not 403
        using (var refused = await op.PostJsonAsync("/api/v1/executions", run))
            await AuthTestTools.AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
        using (var read = await op.GetAsync("/api/v1/executions"))
            await AuthTestTools.AssertProblemAsync(read, HttpStatusCode.Unauthorized);

        // a new sign-in gives a viewer token: reading works, starting is forbidden
        using var viewer = await SignInAsync(name, Password);
        using (var list = await viewer.GetAsync("/api/v1/executions")) Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var forbidden = await viewer.PostJsonAsync("/api/v1/executions", run))
            await AuthTestTools.AssertProblemAsync(forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task After_a_password_change_the_old_token_is_refused_and_a_new_login_works()
    {
        var name = NewName("changer");
        using var user = await api.CreateUserClientAsync(Roles.Viewer, name, Password);
        using var other = await SignInAsync(name, Password); // a second session of the same user

        using (var changed = await user.PostJsonAsync("/api/v1/auth/password", new { current_password = Password, new_password = "new-password-2" }))
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using (var old = await user.GetAsync("/api/v1/auth/me")) await AuthTestTools.AssertProblemAsync(old, HttpStatusCode.Unauthorized);
        using (var otherSession = await other.GetAsync("/api/v1/auth/me")) await AuthTestTools.AssertProblemAsync(otherSession, HttpStatusCode.Unauthorized);
        using (var oldPassword = await api.LoginAsync(name, Password)) Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var fresh = await SignInAsync(name, "new-password-2");
        var me = await fresh.GetJsonAsync("/api/v1/auth/me");
        Assert.Equal(name, me["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_password_reset_by_an_admin_ends_the_users_sessions()
    {
        var name = NewName("reset");
        using var user = await api.CreateUserClientAsync(Roles.Operator, name, Password);
        using (var reset = await api.Client.PutJsonAsync($"/api/v1/users/{name}", new { password = "reset-password-3" }))
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using (var old = await user.GetAsync("/api/v1/executions")) await AuthTestTools.AssertProblemAsync(old, HttpStatusCode.Unauthorized);
        using var fresh = await SignInAsync(name, "reset-password-3");
        using var works = await fresh.GetAsync("/api/v1/executions");
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
    }

    [Fact]
    public async Task An_untouched_users_token_keeps_working_while_others_change()
    {
        using var untouched = await api.CreateUserClientAsync(Roles.Operator, NewName("steady"), Password);
        var changing = NewName("changing");
        using (await api.CreateUserClientAsync(Roles.Operator, changing, Password))
        {
            using (var demoted = await api.Client.PutJsonAsync($"/api/v1/users/{changing}", new { role = Roles.Viewer, password = "other-password-4" }))
                Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
            using (var deleted = await api.Client.DeleteAsync($"/api/v1/users/{changing}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            using var response = await untouched.GetAsync("/api/v1/executions");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var admin = await api.Client.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_security_stamp_is_refused()
    {
        using var scope = api.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<IgnitionToolkit.Api.Users.UserAccounts>();
        var record = await admin.FindAsync(ApiFixture.AdminUser, CancellationToken.None);
        var stampless = scope.ServiceProvider.GetRequiredService<TokenIssuer>().Issue(record!.Id, record.UserName, record.Role, "").AccessToken;
        using var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stampless);
        using var response = await client.GetAsync("/api/v1/executions");
        await AuthTestTools.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_api_instance_sees_a_change_within_its_cache_duration()
    {
        await using var second = api.Factory.WithWebHostBuilder(b => b.UseSetting(AuthOptions.Section + ":UserCacheDuration", "00:00:01"));
        var name = NewName("elsewhere");
        using var token = await api.CreateUserClientAsync(Roles.Viewer, name, Password);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        using (var cached = await client.GetAsync("/api/v1/executions")) Assert.Equal(HttpStatusCode.OK, cached.StatusCode);

        using (var deleted = await api.Client.DeleteAsync($"/api/v1/users/{name}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var status = await Wait.ForAsync(async () =>
        {
            using var response = await client.GetAsync("/api/v1/executions");
            return response.StatusCode;
        }, s => s != HttpStatusCode.OK, "the second instance to stop accepting the deleted user's token", poll: TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<HttpClient> SignInAsync(string name, string password)
    {
        using var login = await api.LoginAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadJsonAsync())["access_token"]!.GetValue<string>());
        return client;
    }

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
