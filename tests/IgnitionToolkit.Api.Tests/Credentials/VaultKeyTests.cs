using System.Net;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Core.Security;

namespace IgnitionToolkit.Api.Tests.Credentials;

/// <summary><c>rotate-vault-key</c> re-encrypts every credential with a new key and forgets the old one; a wrong key is
/// reported clearly.</summary>
[Trait("Category", "Functional")]
public sealed class VaultKeyRotationTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    [Fact]
    public async Task Rotating_the_key_re_encrypts_every_credential_and_the_old_ciphertext_is_gone()
    {
        var secrets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var secret = VaultTestTools.NewSecret();
            secrets.Add(secret);
            using var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
            { name = $"rot-{i}", kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = secret } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        // a trigger's secret is sealed with the same key (HMAC needs it back): it must still work after the rotation
        api.WritePlaybook("rotation/hello.yaml", SamplePlaybooks.Hello());
        using var trigger = await api.Client.PostJsonAsync("/api/v1/triggers", new { name = "rot-trigger", playbook = "rotation/hello.yaml", parameters = new { greeting = "hi" } });
        Assert.Equal(HttpStatusCode.Created, trigger.StatusCode);
        var triggerJson = await trigger.ReadJsonAsync();
        var database = Path.Combine(api.DataDirectory, "toolkit.db");
        var keyFile = Path.Combine(api.DataDirectory, "keys", "vault.key");
        var oldKey = await File.ReadAllTextAsync(keyFile);
        var before = await VaultTestTools.DumpSqliteAsync(database);
        var oldEnvelopes = Envelopes(before);
        Assert.Equal(3, oldEnvelopes.Count);

        var (exitCode, output) = await ApiCommand.RunAsync("rotate-vault-key", $"--Toolkit:DataDirectory={api.DataDirectory}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("3 credential(s) re-encrypted", output);
        var newKey = await File.ReadAllTextAsync(keyFile);
        Assert.NotEqual(oldKey, newKey);
        Assert.False(File.Exists(keyFile + ".previous"), "the previous key is kept only while the rotation runs");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var after = await VaultTestTools.DumpSqliteAsync(database);
        foreach (var envelope in oldEnvelopes) Assert.DoesNotContain(envelope, after);
        var newKeyId = newKey.Trim().Split(':')[0];
        Assert.All(Envelopes(after), e => Assert.StartsWith($"v1:{newKeyId}:", e));
        Assert.All(secrets, s => Assert.DoesNotContain(s, after));

        // The running API picks up the new key file: it opens the re-encrypted credentials and seals new ones with the new key.
        using (var updated = await api.Client.PutJsonAsync("/api/v1/credentials/rot-0", new { fields = new Dictionary<string, string> { ["value"] = secrets[0] + "x" } }))
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using (var created = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = "rot-new", kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = "abcdef" } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.All(Envelopes(await VaultTestTools.DumpSqliteAsync(database)), e => Assert.StartsWith($"v1:{newKeyId}:", e));
        using (var anonymous = api.CreateAnonymousClient())
        using (var fire = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/triggers/{triggerJson["trigger"]!["id"]!.GetValue<Guid>()}"))
        {
            fire.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", triggerJson["secret"]!.GetValue<string>());
            using var fired = await anonymous.SendAsync(fire);
            Assert.True(fired.StatusCode == HttpStatusCode.Accepted, await fired.Content.ReadAsStringAsync());
        }

        // The new key opens them (a second rotation succeeds); a key that is not the vault's is refused by name.
        var (again, againOutput) = await ApiCommand.RunAsync("--rotate-vault-key", $"--Toolkit:DataDirectory={api.DataDirectory}");
        Assert.True(again == 0, againOutput);
        var (wrong, wrongOutput) = await ApiCommand.RunAsync("rotate-vault-key", $"--Toolkit:DataDirectory={api.DataDirectory}",
            $"--Toolkit:Vault:Key={Convert.ToBase64String(SecretEnvelope.NewKey())}", $"--Toolkit:Vault:NewKey={Convert.ToBase64String(SecretEnvelope.NewKey())}");
        Assert.Equal(1, wrong);
        Assert.Contains("cannot be decrypted", wrongOutput);
        Assert.Contains("is not available", wrongOutput);
        Assert.DoesNotContain("   at ", wrongOutput);
    }

    private static List<string> Envelopes(string dump) => dump.Split('\n')
        .Where(l => l.StartsWith("credentials.SecretEnvelope=", StringComparison.Ordinal))
        .Select(l => l["credentials.SecretEnvelope=".Length..]).ToList();
}

[Trait("Category", "Functional")]
public sealed class BadVaultKeyTests(BadVaultKeyApiFixture api) : IClassFixture<BadVaultKeyApiFixture>
{
    [Fact]
    public async Task A_malformed_configured_key_gives_a_problem_that_names_the_setting()
    {
        using var response = await api.Client.PostJsonAsync("/api/v1/credentials", new
        { name = "x1", kind = "generic_secret", fields = new Dictionary<string, string> { ["value"] = "abcdef" } });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Credential vault error", problem["title"]!.GetValue<string>());
        Assert.Contains("Toolkit:Vault:Key must be 32 bytes", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_transport_key_the_api_refuses_to_send_credentials()
    {
        api.CopyExamples("gateway");
        using var response = await api.Client.PostJsonAsync("/api/v1/executions",
            new { playbook = "gateway/backup_and_restart.yaml", credential_name = "demo-gateway" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Toolkit:Bus:CredentialKey", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Empty(api.Runner.Starts);
    }
}
