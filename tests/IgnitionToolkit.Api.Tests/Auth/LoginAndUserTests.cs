using System.Net;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Api.Tests.Auth;

/// <summary>Login, the first admin from configuration, hashed passwords, and the users API.</summary>
[Trait("Category", "Functional")]
public sealed class LoginAndUserTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_first_admin_comes_from_configuration_and_signs_in()
    {
        using var login = await api.LoginAsync(ApiFixture.AdminUser, ApiFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.True(body["expires_at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Equal("admin", body["user"]!["username"]!.GetValue<string>());
        Assert.Equal(["admin"], body["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        using var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body["access_token"]!.GetValue<string>());
        var me = await client.GetJsonAsync("/api/v1/auth/me");
        Assert.Equal("admin", me["user"]!["username"]!.GetValue<string>());
        Assert.Equal("admin", me["user"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_a_401_problem()
    {
        using (var wrong = await api.LoginAsync(ApiFixture.AdminUser, "not-the-password"))
            Assert.Contains("wrong password", (await AuthTestTools.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>());
        using (var unknown = await api.LoginAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "whatever-password"))
            await AuthTestTools.AssertProblemAsync(unknown, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Passwords_are_stored_hashed_never_in_plain_text()
    {
        const string password = "a-very-distinct-password-42";
        using var user = await api.CreateUserClientAsync("viewer", "hashcheck", password);
        await using var scope = api.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ToolkitDbContext>();
        var users = await db.Users.AsNoTracking().ToListAsync();
        var record = Assert.Single(users, u => u.UserName == "hashcheck");
        var admin = Assert.Single(users, u => u.UserName == ApiFixture.AdminUser);
        Assert.Equal("admin", admin.Role);
        foreach (var (row, plain) in new[] { (record, password), (admin, ApiFixture.AdminPassword) })
        {
            Assert.DoesNotContain(plain, row.PasswordHash);
            Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<UserRecord>().VerifyHashedPassword(row, row.PasswordHash, plain));
        }
        var audit = await db.Audit.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains(password) || (a.TargetId ?? "").Contains(password));
    }

    [Fact]
    public async Task Admins_create_change_reset_and_delete_users()
    {
        var name = "crud-" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await api.Client.PostJsonAsync("/api/v1/users", new { username = name, password = "first-password", role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.DoesNotContain("first-password", await created.Content.ReadAsStringAsync());
        }
        using (var duplicate = await api.Client.PostJsonAsync("/api/v1/users", new { username = name, password = "first-password", role = "viewer" }))
            await AuthTestTools.AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
        using (var badRole = await api.Client.PostJsonAsync("/api/v1/users", new { username = name + "x", password = "first-password", role = "root" }))
            Assert.Equal("role", (await AuthTestTools.AssertProblemAsync(badRole, HttpStatusCode.BadRequest))["field"]!.GetValue<string>());
        using (var shortPassword = await api.Client.PostJsonAsync("/api/v1/users", new { username = name + "y", password = "short", role = "viewer" }))
            await AuthTestTools.AssertProblemAsync(shortPassword, HttpStatusCode.BadRequest);

        using (var changed = await api.Client.PutJsonAsync($"/api/v1/users/{name}", new { role = "operator", password = "second-password" }))
            Assert.Equal("operator", (await changed.ReadJsonAsync())["role"]!.GetValue<string>());
        using (var old = await api.LoginAsync(name, "first-password")) Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using (var fresh = await api.LoginAsync(name, "second-password"))
            Assert.Equal(["operator"], (await fresh.ReadJsonAsync())["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var list = await api.Client.GetJsonAsync("/api/v1/users");
        Assert.Contains(list.AsArray(), u => u!["username"]!.GetValue<string>() == name);
        using (var deleted = await api.Client.DeleteAsync($"/api/v1/users/{name}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await api.LoginAsync(name, "second-password")) Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_deleted_nor_demoted()
    {
        using (var delete = await api.Client.DeleteAsync($"/api/v1/users/{ApiFixture.AdminUser}"))
            Assert.Contains("last admin", (await AuthTestTools.AssertProblemAsync(delete, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        using (var demote = await api.Client.PutJsonAsync($"/api/v1/users/{ApiFixture.AdminUser}", new { role = "viewer" }))
            await AuthTestTools.AssertProblemAsync(demote, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_user_changes_their_own_password()
    {
        var name = "self-" + Guid.NewGuid().ToString("N")[..6];
        using var user = await api.CreateUserClientAsync("viewer", name, "original-password");
        using (var wrong = await user.PostJsonAsync("/api/v1/auth/password", new { current_password = "nope-nope-nope", new_password = "changed-password" }))
            await AuthTestTools.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        using (var ok = await user.PostJsonAsync("/api/v1/auth/password", new { current_password = "original-password", new_password = "changed-password" }))
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        using var login = await api.LoginAsync(name, "changed-password");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
