using System.Text.Json;
using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary>The AppHost executable itself: deployment manifest and start-up without any messaging server.</summary>
[Trait("Category", "Functional")]
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publishing_a_manifest_describes_api_runner_web_and_messaging_without_docker()
    {
        var folder = TestSettings.NewTempDirectory("manifest");
        try
        {
            var path = Path.Combine(folder, "aspire-manifest.json");
            var result = await AppHostProcess.RunAsync(
                ["--publisher", "manifest", "--output-path", path], new Dictionary<string, string?>(), ProcessTimeout);

            Assert.True(result.ExitCode == 0, result.Output);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var resources = manifest.RootElement.GetProperty("resources");
            foreach (var name in new[] { "api", "runner", "web", "messaging" })
            {
                Assert.True(resources.TryGetProperty(name, out _), $"resource '{name}' missing from the manifest");
            }
            Assert.Equal("project.v0", resources.GetProperty("api").GetProperty("type").GetString());
            Assert.Equal("{messaging.connectionString}",
                resources.GetProperty("runner").GetProperty("env").GetProperty("ConnectionStrings__messaging").GetString());
            Assert.True(resources.GetProperty("web").GetProperty("env").TryGetProperty("services__api__http__0", out _),
                "web does not reference the api through service discovery");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [NoContainerRuntimeFact]
    public async Task Starting_without_messaging_or_docker_fails_fast_and_says_what_to_do()
    {
        var result = await AppHostProcess.RunAsync([], new Dictionary<string, string?>(), ProcessTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("make start", result.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__messaging", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_setting_is_refused_by_name()
    {
        var result = await AppHostProcess.RunAsync(
            ["Toolkit:Database=oracle", "ConnectionStrings:messaging=amqp://guest:guest@127.0.0.1:5672"],
            new Dictionary<string, string?>(), ProcessTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Toolkit:Database", result.Output, StringComparison.Ordinal);
        Assert.Contains("oracle", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_messaging_connection_string_that_is_not_an_amqp_uri_is_refused_without_echoing_it()
    {
        var result = await AppHostProcess.RunAsync(
            ["ConnectionStrings:messaging=host=rabbit;password=s3cret-value"], new Dictionary<string, string?>(), ProcessTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("amqp://", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.Output, StringComparison.Ordinal);
    }
}
