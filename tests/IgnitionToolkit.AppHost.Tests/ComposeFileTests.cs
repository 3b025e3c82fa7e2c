using System.Text.Json;
using IgnitionToolkit.AppHost.Tests.Infrastructure;

namespace IgnitionToolkit.AppHost.Tests;

/// <summary>docker-compose.yml stays valid and in step with the AppHost's deployment manifest.</summary>
[Trait("Category", "Unit")]
public sealed class ComposeFileTests
{
    private static readonly string[] ToolkitServices = ["api", "runner", "web"];
    private readonly ComposeFile compose = ComposeFile.Load(RepositoryFiles.PathOf("docker-compose.yml"));

    [Fact]
    public void Default_profile_runs_the_toolkit_and_rabbitmq_and_the_other_profiles_add_dev_and_postgres()
    {
        foreach (var service in ToolkitServices.Append("rabbitmq"))
        {
            Assert.True(compose.Services.ContainsKey(service), $"service '{service}' missing");
            Assert.Empty(compose.Profiles(service));
        }
        Assert.Equal(["postgres"], compose.Profiles("postgres"));
        Assert.Contains(compose.Services, s => compose.Profiles(s.Key).Contains("dev"));
    }

    [Fact]
    public void Every_service_has_a_health_check()
    {
        foreach (var (name, service) in compose.Services)
        {
            Assert.True(service.ContainsKey("healthcheck"), $"service '{name}' has no healthcheck");
        }
    }

    [Fact]
    public async Task Services_get_the_same_connection_settings_as_in_the_aspire_manifest()
    {
        var resources = await PublishManifestAsync();

        foreach (var service in ToolkitServices)
        {
            var manifestEnv = resources.GetProperty(service).GetProperty("env").EnumerateObject()
                .Select(p => p.Name)
                .Where(n => n.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || n.StartsWith("services__", StringComparison.Ordinal));
            var composeEnv = compose.Environment(service);
            foreach (var name in manifestEnv)
            {
                Assert.True(composeEnv.ContainsKey(name), $"compose service '{service}' lacks {name}, which the AppHost sets");
            }
        }
        Assert.Equal(resources.GetProperty("messaging").GetProperty("image").GetString(),
            compose.Services["rabbitmq"]["image"]?.ToString());
    }

    private static async Task<JsonElement> PublishManifestAsync()
    {
        var folder = TestSettings.NewTempDirectory("compose-manifest");
        try
        {
            var path = Path.Combine(folder, "manifest.json");
            var result = await AppHostProcess.RunAsync(
                ["--publisher", "manifest", "--output-path", path], new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, result.Output);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            return manifest.RootElement.GetProperty("resources").Clone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
