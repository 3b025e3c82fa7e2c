using System.Net.Http.Json;
using System.Text;
using IgnitionToolkit.Functional.Tests.Infrastructure;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>An execution that logs in to a gateway with a vault credential leaves the secret nowhere: not in the API's
/// responses, the processes' logs, the database file, nor the messages on RabbitMQ.</summary>
public class SecretsTests
{
    [Fact]
    public async Task A_gateway_run_with_a_vault_credential_completes_and_its_secret_is_found_nowhere()
    {
        var secret = "Pw-" + Guid.NewGuid().ToString("N");
        await using var simulator = await GatewayRun.StartSimulatorAsync(secret);
        await using var stack = await ToolkitStack.StartAsync();
        await using var bus = await BusCapture.StartAsync(stack.Prefix);
        var gatewayUrl = simulator.BaseAddress.ToString().TrimEnd('/');

        using (var created = await stack.Http.PostAsJsonAsync("api/v1/credentials", new
        {
            name = "plant-gw",
            kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = secret, ["gateway_url"] = gatewayUrl },
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        var id = await GatewayRun.StartAsync(stack, new { playbook = "gateway/backup_and_restart.yaml", credential_name = "plant-gw" });
        var execution = await stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed" or "cancelled", timeoutSeconds: 180);
        Assert.True(ToolkitStack.Status(execution) == "completed", execution.ToJsonString());
        Assert.Equal("***", execution["parameters"]!["password"]!.GetValue<string>());
        Assert.Equal(gatewayUrl, execution["parameters"]!["gateway_url"]!.GetValue<string>());

        var responses = new StringBuilder(execution.ToJsonString());
        foreach (var path in new[] { "api/v1/executions", $"api/v1/executions/{id}/artifacts", "api/v1/credentials", "api/v1/credentials/plant-gw" })
            responses.Append(await stack.Http.GetStringAsync(path));
        var messages = await bus.DrainAsync();
        var start = Assert.Single(messages, m => m.Contains("encryptedCredentials", StringComparison.Ordinal) && m.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("artifact_saved", StringComparison.Ordinal));

        Assert.DoesNotContain(secret, responses.ToString());
        Assert.DoesNotContain(secret, stack.Api.Output);
        Assert.All(stack.Runners, r => Assert.DoesNotContain(secret, r.Output));
        Assert.All(messages, m => Assert.DoesNotContain(secret, m));
        Assert.DoesNotContain(secret, start);
        foreach (var file in Directory.EnumerateFiles(stack.DataDirectory, "toolkit.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"the secret is in {Path.GetFileName(file)}");
        }
        Assert.NotEmpty(Directory.EnumerateFiles(stack.DataDirectory, "toolkit.db*"));
    }
}
