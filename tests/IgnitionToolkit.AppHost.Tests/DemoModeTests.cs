using System.Text.Json;
using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary>Demo mode adds the gateway simulator and points the API at it; both modes share the bus credential key.</summary>
[Trait("Category", "Functional")]
public sealed class DemoModeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Demo_mode_adds_the_gateway_simulator_and_api_and_runner_share_the_credential_key(bool demo)
    {
        var folder = TestSettings.NewTempDirectory("demo-manifest");
        try
        {
            var path = Path.Combine(folder, "manifest.json");
            var result = await AppHostProcess.RunAsync(
                ["--publisher", "manifest", "--output-path", path, $"Toolkit:Demo={demo}"], new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.Output);

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var resources = manifest.RootElement.GetProperty("resources");
            Assert.Equal(demo, resources.TryGetProperty("gateway", out _));
            var apiEnv = resources.GetProperty("api").GetProperty("env");
            Assert.Equal(demo, apiEnv.TryGetProperty("Toolkit__DemoGatewayUrl", out _));
            var key = apiEnv.GetProperty("Toolkit__Bus__CredentialKey").GetString();
            Assert.Equal(key, resources.GetProperty("runner").GetProperty("env").GetProperty("Toolkit__Bus__CredentialKey").GetString());
            Assert.True(resources.GetProperty("bus-credential-key").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
            // the API's sign-in secrets are secret parameters, never literal values in the manifest
            Assert.Equal("{auth-signing-key.value}", apiEnv.GetProperty("Toolkit__Auth__SigningKey").GetString());
            Assert.Equal("{auth-admin-password.value}", apiEnv.GetProperty("Toolkit__Auth__AdminPassword").GetString());
            Assert.True(resources.GetProperty("auth-signing-key").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
            // the deployment supplies the vault key; the API never creates one in a published (Production) deployment
            Assert.Equal("{vault-key.value}", apiEnv.GetProperty("Toolkit__Vault__Key").GetString());
            Assert.True(resources.GetProperty("vault-key").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
            Assert.False(apiEnv.TryGetProperty("Toolkit__Vault__CreateKeyFile", out _));
            Assert.False(resources.TryGetProperty("runner", out var runner) && runner.GetProperty("env").TryGetProperty("Toolkit__Auth__SigningKey", out _));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
