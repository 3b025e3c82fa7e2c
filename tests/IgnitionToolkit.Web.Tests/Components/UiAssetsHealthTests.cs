using IgnitionToolkit.Web.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace IgnitionToolkit.Web.Tests.Components;

/// <summary>The Web's <c>ui_assets</c> health component: Unhealthy when the UI's styles and scripts cannot be read (the
/// Production-from-build-output trap), Healthy when they can.</summary>
[Trait("Category", "Unit")]
public sealed class UiAssetsHealthTests
{
    private sealed class Environment(IFileProvider webRoot) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = webRoot;
        public string ApplicationName { get; set; } = "IgnitionToolkit.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Production";
    }

    [Fact]
    public async Task Missing_ui_files_make_the_web_unhealthy_and_name_them()
    {
        var check = new UiAssetsHealthCheck(new Environment(new NullFileProvider()));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("_framework/blazor.web.js", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Present_ui_files_make_it_healthy()
    {
        var wwwroot = Directory.CreateTempSubdirectory("ui-assets-").FullName;
        try
        {
            foreach (var asset in AssetFiles())
            {
                var file = Path.Combine(wwwroot, asset);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, "x");
            }
            using var files = new PhysicalFileProvider(wwwroot);

            var result = await new UiAssetsHealthCheck(new Environment(files)).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Healthy, result.Status);
        }
        finally
        {
            Directory.Delete(wwwroot, recursive: true);
        }
    }

    private static IEnumerable<string> AssetFiles()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "IgnitionToolkit.Web.staticwebassets.endpoints.json")));
        return manifest.RootElement.GetProperty("Endpoints").EnumerateArray().Select(e => e.GetProperty("AssetFile").GetString()!).Distinct().ToList();
    }
}
