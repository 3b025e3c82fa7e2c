using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Credentials;

/// <summary>/api/v1/credentials: create, list, get, update, delete; no response ever carries a secret value, and the
/// database holds ciphertext only.</summary>
[Trait("Category", "Functional")]
public sealed class CredentialCrudTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    [Fact]
    public async Task Credentials_of_every_kind_are_stored_and_listed_without_their_secrets()
    {
        var password = VaultTestTools.NewSecret();
        var tokenSecret = VaultTestTools.NewSecret();
        var value = VaultTestTools.NewSecret();
        var name = "gw-" + Guid.NewGuid().ToString("N")[..8];
        var bodies = new List<string>();

        using (var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        {
            name,
            kind = "gateway_login",
            description = "plant gateway",
            fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = password, ["gateway_url"] = "http://gw:8088" },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/api/v1/credentials/{name}", created.Headers.Location?.ToString());
            var json = await created.ReadJsonAsync();
            Assert.Equal(["gateway_url", "password", "username"], json["fields_set"]!.AsArray().Select(f => f!.GetValue<string>()));
            bodies.Add(json.ToJsonString());
        }
        using (var token = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = name + "-token", kind = "api_token", fields = new Dictionary<string, string> { ["token"] = "ci:" + tokenSecret } }))
            bodies.Add(await token.Content.ReadAsStringAsync());
        using (var generic = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = name + "-generic", kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = value } }))
            bodies.Add(await generic.Content.ReadAsStringAsync());

        using (var updated = await api.Client.PutJsonAsync($"/api/v1/credentials/{name}", new { description = "renamed plant" }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            bodies.Add(await updated.Content.ReadAsStringAsync());
        }
        bodies.Add(await api.Client.GetStringAsync("/api/v1/credentials"));
        var single = await api.Client.GetJsonAsync($"/api/v1/credentials/{name}");
        bodies.Add(single.ToJsonString());

        Assert.Equal("renamed plant", single["description"]!.GetValue<string>());
        Assert.Equal("gateway_login", single["kind"]!.GetValue<string>());
        foreach (var body in bodies)
        {
            Assert.DoesNotContain(password, body);
            Assert.DoesNotContain(tokenSecret, body);
            Assert.DoesNotContain(value, body);
        }

        var database = await VaultTestTools.DumpSqliteAsync(Path.Combine(api.DataDirectory, "toolkit.db"));
        Assert.Contains(name, database);
        Assert.Contains("credentials.SecretEnvelope=v1:", database);
        Assert.DoesNotContain(password, database);
        Assert.DoesNotContain(tokenSecret, database);
        Assert.DoesNotContain(value, database);
    }

    [Fact]
    public async Task The_key_file_is_created_outside_the_database_readable_by_its_owner_only()
    {
        using var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = "k-" + Guid.NewGuid().ToString("N")[..8], kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = "abcdef" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var keyFile = Path.Combine(api.DataDirectory, "keys", "vault.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public async Task Bad_requests_get_problems_that_name_the_field()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N")[..8];
        var login = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "secret-1" };
        using (var first = await api.Client.PostJsonAsync("/api/v1/credentials", new { name, kind = "gateway_login", fields = login }))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var duplicate = await api.Client.PostJsonAsync("/api/v1/credentials", new { name, kind = "gateway_login", fields = login });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        using var noPassword = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = name + "x", kind = "gateway_login", fields = new Dictionary<string, string> { ["username"] = "admin" } });
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
        Assert.Equal("fields.password", (await noPassword.ReadJsonAsync())["field"]!.GetValue<string>());

        using var badToken = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = name + "t", kind = "api_token", fields = new Dictionary<string, string> { ["token"] = "no-colon" } });
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        Assert.Contains("keyName:secret", (await badToken.ReadJsonAsync())["detail"]!.GetValue<string>());

        using var badKind = await api.Client.PostJsonAsync("/api/v1/credentials", new { name = name + "k", kind = "ssh_key", fields = login });
        Assert.Equal("kind", (await badKind.ReadJsonAsync())["field"]!.GetValue<string>());

        using var badName = await api.Client.PostJsonAsync("/api/v1/credentials", new { name = "a.b", kind = "gateway_login", fields = login });
        Assert.Equal("name", (await badName.ReadJsonAsync())["field"]!.GetValue<string>());

        using var missing = await api.Client.GetAsync("/api/v1/credentials/nope-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var deleted = await api.Client.DeleteAsync($"/api/v1/credentials/{name}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await api.Client.GetAsync($"/api/v1/credentials/{name}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
