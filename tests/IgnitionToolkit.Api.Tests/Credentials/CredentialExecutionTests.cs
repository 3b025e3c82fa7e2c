using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Security;

namespace IgnitionToolkit.Api.Tests.Credentials;

/// <summary>Starting an execution with credentials: the Runner receives them sealed with the transport key, never in clear;
/// the stored parameters are masked.</summary>
[Trait("Category", "Functional")]
public sealed class CredentialExecutionTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    [Fact]
    public async Task Credential_name_fills_the_gateway_parameters_encrypted_for_the_runner()
    {
        api.CopyExamples("gateway");
        var password = VaultTestTools.NewSecret();
        await CreateAsync("plant-a", "gateway_login",
            new() { ["username"] = "operator", ["password"] = password, ["gateway_url"] = "http://plant-a:8088" });

        using var response = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "gateway/backup_and_restart.yaml", credential_name = "plant-a" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((await response.ReadJsonAsync())["id"]!.GetValue<string>());

        var start = await api.WaitForStartAsync(id);
        Assert.DoesNotContain(password, start.ParametersJson);
        Assert.NotNull(start.EncryptedCredentials);
        Assert.DoesNotContain(password, start.EncryptedCredentials);
        var bundle = new CredentialTransport(api.TransportKey).Open(start.EncryptedCredentials!, id);
        Assert.Equal(password, bundle.Parameters["password"]);
        Assert.Equal("operator", bundle.Parameters["username"]);
        Assert.Equal("http://plant-a:8088", bundle.Parameters["gateway_url"]);
        Assert.Equal(password, bundle.Credentials["plant-a"]["password"]);
        Assert.Throws<SecretEnvelopeException>(() => new CredentialTransport(api.TransportKey).Open(start.EncryptedCredentials!, Guid.NewGuid()));

        var stored = await api.Client.GetJsonAsync($"/api/v1/executions/{id}");
        Assert.Equal("***", stored["parameters"]!["password"]!.GetValue<string>());
        Assert.Equal("operator", stored["parameters"]!["username"]!.GetValue<string>());
        Assert.DoesNotContain(password, await VaultTestTools.DumpSqliteAsync(Path.Combine(api.DataDirectory, "toolkit.db")));
    }

    [Fact]
    public async Task Credential_templates_and_credential_parameters_send_exactly_the_named_credentials()
    {
        var token = VaultTestTools.NewSecret();
        var other = VaultTestTools.NewSecret();
        await CreateAsync("ci-token", "api_token", new() { ["token"] = "ci:" + token });
        await CreateAsync("site-secret", "generic_secret", new() { ["value"] = other });
        await CreateAsync("unused", "generic_secret", new() { ["value"] = VaultTestTools.NewSecret() });
        api.WritePlaybook("utility/uses_credentials.yaml", """
            name: Uses credentials
            version: "1.0"
            parameters:
              - { name: site, type: credential, default: site-secret }
            steps:
              - id: show
                type: utility.log
                parameters: { message: "token {{ credential.ci-token.token }} site {{ credential.site.value }}" }
            """);

        using var response = await api.Client.PostJsonAsync("/api/v1/executions", new { playbook = "utility/uses_credentials.yaml" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((await response.ReadJsonAsync())["id"]!.GetValue<string>());

        var start = await api.WaitForStartAsync(id);
        var bundle = new CredentialTransport(api.TransportKey).Open(start.EncryptedCredentials!, id);
        Assert.Equal(["ci-token", "site", "site-secret"], bundle.Credentials.Keys.Order());
        Assert.Equal("ci:" + token, bundle.Credentials["ci-token"]["token"]);
        Assert.Equal(other, bundle.Credentials["site"]["value"]);
        Assert.Empty(bundle.Parameters);
    }

    [Fact]
    public async Task An_unknown_credential_is_a_validation_error_naming_the_field()
    {
        api.CopyExamples("gateway");
        using var response = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "gateway/backup_and_restart.yaml", credential_name = "no-such-credential" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var diagnostics = (await response.ReadJsonAsync())["diagnostics"]!.AsArray();
        Assert.Contains(diagnostics, d => d!["field"]!.GetValue<string>() == "credential_name"
            && d["message"]!.GetValue<string>().Contains("'no-such-credential' does not exist"));
    }

    private async Task CreateAsync(string name, string kind, Dictionary<string, string> fields)
    {
        using var created = await api.Client.PostJsonAsync("/api/v1/credentials", new { name, kind, fields });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}
