using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>A parsed <c>.gwbk</c>.</summary>
public sealed record GatewayBackup(string GatewayName, string Version, string Edition, DateTimeOffset Timestamp,
    IReadOnlyList<ProjectRecord> Projects);

/// <summary><c>.gwbk</c> files: a ZIP holding <c>backup-manifest.json</c> (gateway name, version, edition, timestamp, projects)
/// and each project's resources under <c>projects/&lt;name&gt;/</c>.</summary>
public static class BackupArchive
{
    public const string ManifestName = "backup-manifest.json";
    private const string ProjectsFolder = "projects/";

    public static byte[] Write(string gatewayName, string version, string edition, DateTimeOffset timestamp,
        IReadOnlyList<ProjectRecord> projects)
    {
        var projectArray = new JsonArray();
        foreach (var project in projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var json = ProjectArchive.ManifestJson(project);
            json["name"] = project.Name;
            projectArray.Add(json);
        }
        var manifest = new JsonObject
        {
            ["format"] = "ignition-gateway-backup",
            ["gatewayName"] = gatewayName,
            ["version"] = version,
            ["edition"] = edition,
            ["timestamp"] = timestamp.ToString("O"),
            ["projects"] = projectArray,
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            ProjectArchive.AddEntry(zip, ManifestName,
                JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true }));
            foreach (var project in projects)
            {
                foreach (var (path, bytes) in project.Files)
                {
                    ProjectArchive.AddEntry(zip, $"{ProjectsFolder}{project.Name}/{path}", bytes);
                }
            }
        }
        return buffer.ToArray();
    }

    public static bool TryRead(byte[] gwbk, out GatewayBackup backup, out string error)
    {
        backup = null!;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(gwbk), ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry(ManifestName);
            if (manifestEntry is null)
            {
                error = $"The file is not a gateway backup: {ManifestName} is missing.";
                return false;
            }
            var manifest = JsonNode.Parse(ProjectArchive.ReadEntry(manifestEntry)) as JsonObject
                ?? throw new InvalidDataException($"{ManifestName} is not a JSON object.");
            var version = manifest["version"]?.GetValue<string>()
                ?? throw new InvalidDataException($"{ManifestName} has no 'version'.");
            var projects = new List<ProjectRecord>();
            foreach (var node in manifest["projects"]?.AsArray() ?? [])
            {
                var json = node as JsonObject ?? throw new InvalidDataException("A project entry is not an object.");
                var name = json["name"]?.GetValue<string>() ?? throw new InvalidDataException("A project entry has no 'name'.");
                var prefix = $"{ProjectsFolder}{name}/";
                var files = zip.Entries
                    .Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && !e.FullName.EndsWith('/'))
                    .ToDictionary(e => e.FullName[prefix.Length..], ProjectArchive.ReadEntry, StringComparer.Ordinal);
                projects.Add(ProjectArchive.FromManifest(name, json, files));
            }
            backup = new GatewayBackup(
                manifest["gatewayName"]?.GetValue<string>() ?? "",
                version,
                manifest["edition"]?.GetValue<string>() ?? "",
                DateTimeOffset.TryParse(manifest["timestamp"]?.GetValue<string>(), out var ts) ? ts : DateTimeOffset.MinValue,
                projects);
            error = "";
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or InvalidOperationException)
        {
            error = $"The file is not a valid gateway backup (.gwbk): {ex.Message}";
            return false;
        }
    }
}
