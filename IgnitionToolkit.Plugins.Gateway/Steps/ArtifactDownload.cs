using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Gateway.Steps;

/// <summary>Saves a downloaded file as an execution artifact and checks that it is a ZIP archive.</summary>
internal static class ArtifactDownload
{
    public static async Task<ArtifactInfo> SaveZipAsync(StepContext context, HttpResponseMessage response, string name, string contentType,
        string what, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var info = await context.Artifacts.SaveAsync(name, contentType, stream, cancellationToken);
        if (!await IsZipAsync(info.Path, cancellationToken))
            throw new Client.GatewayException(Client.GatewayFailure.UnexpectedResponse,
                $"the gateway answered with {info.Size} bytes that are not a {what} (not a ZIP archive); saved as {info.Name} for inspection");
        return info;
    }

    public static async Task<bool> IsZipAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken);
        return read == 4 && header[0] == 'P' && header[1] == 'K' && header[2] is 3 or 5 or 7 && header[3] is 4 or 6 or 8;
    }

    /// <summary>The file name from Content-Disposition, or the fallback.</summary>
    public static string FileName(HttpResponseMessage response, string fallback)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var name = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"', ' ');
        return string.IsNullOrWhiteSpace(name) ? fallback : Path.GetFileName(name);
    }

    public static Dictionary<string, object?> Outputs(string url, ArtifactInfo info) => new()
    {
        ["url"] = url,
        ["path"] = info.Path,
        ["name"] = info.Name,
        ["size"] = info.Size,
        ["sha256"] = info.Sha256,
    };

    public static string Stamp() => DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
}
