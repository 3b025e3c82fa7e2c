using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace IgnitionToolkit.Web.Extensions;

/// <summary>
/// The UI's own static files (Blazor's script, MudBlazor's styles and script, app.css, editor.js) in every environment.
/// <para>Run from the build output (<c>make start</c>, the AppHost, <c>dotnet run</c>), the framework's and packages'
/// files live in the NuGet cache and are found through the build's static web assets manifest, which ASP.NET Core reads
/// on its own only in Development. The services run as Production under the AppHost, so the Web reads it always; in a
/// published app (container image) the manifest is absent and the files sit in <c>wwwroot</c>.</para>
/// </summary>
public static class UiAssets
{
    public const string HealthCheckName = "ui_assets";

    public static WebApplicationBuilder AddUiAssets(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddHealthChecks().AddCheck<UiAssetsHealthCheck>(HealthCheckName, tags: ["ready"]);
        return builder;
    }
}

/// <summary>Unhealthy when a file the UI's pages load (every asset of the static assets endpoints manifest) cannot be
/// read: a Web that would show pages without styles or scripts does not report healthy. Checked once; the files do not
/// change while the app runs.</summary>
public sealed class UiAssetsHealthCheck(IWebHostEnvironment environment) : IHealthCheck
{
    private readonly Lazy<HealthCheckResult> _result = new(() => Check(environment));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_result.Value);

    private static HealthCheckResult Check(IWebHostEnvironment environment)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest))
        {
            return HealthCheckResult.Unhealthy($"the static assets manifest {Path.GetFileName(manifest)} is missing: the UI has no styles or scripts");
        }
        var assets = ReadAssetFiles(manifest);
        var missing = assets.Where(asset => !Readable(environment.WebRootFileProvider, asset)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy($"{assets.Count} UI files present")
            : HealthCheckResult.Unhealthy($"{missing.Count} of {assets.Count} UI files cannot be read: " +
                string.Join(", ", missing.Where(m => !m.EndsWith(".gz", StringComparison.Ordinal) && !m.EndsWith(".br", StringComparison.Ordinal)).Take(10)));
    }

    private static bool Readable(IFileProvider files, string asset)
    {
        var file = files.GetFileInfo(asset);
        return file.Exists && file.Length > 0;
    }

    private static List<string> ReadAssetFiles(string manifest)
    {
        using var stream = File.OpenRead(manifest);
        using var document = JsonDocument.Parse(stream);
        var assets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in document.RootElement.GetProperty("Endpoints").EnumerateArray())
        {
            if (endpoint.TryGetProperty("AssetFile", out var file) && file.GetString() is { Length: > 0 } path) assets.Add(path);
        }
        return [.. assets];
    }
}
