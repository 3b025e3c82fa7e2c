using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>Project export zips: <c>project.json</c> (title, description, parent, enabled, inheritable) plus resource files.</summary>
public static class ProjectArchive
{
    public const string ManifestName = "project.json";

    public static IReadOnlyDictionary<string, byte[]> DefaultFiles(string projectName)
    {
        var view = new JsonObject
        {
            ["custom"] = new JsonObject(),
            ["params"] = new JsonObject(),
            ["root"] = new JsonObject
            {
                ["type"] = "ia.container.flex",
                ["children"] = new JsonArray(new JsonObject
                {
                    ["type"] = "ia.display.label",
                    ["props"] = new JsonObject { ["text"] = $"{projectName} main view" },
                }),
            },
        };
        return new Dictionary<string, byte[]>
        {
            ["com.inductiveautomation.perspective/views/Main/view.json"] = Encoding.UTF8.GetBytes(view.ToJsonString()),
            ["com.inductiveautomation.perspective/views/Main/resource.json"] =
                Encoding.UTF8.GetBytes("""{"scope":"G","version":1,"restricted":false,"overridable":true,"files":["view.json"]}"""),
        };
    }

    public static byte[] Write(ProjectRecord project)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddEntry(zip, ManifestName, Encoding.UTF8.GetBytes(ManifestJson(project).ToJsonString()));
            foreach (var (path, bytes) in project.Files)
            {
                AddEntry(zip, path, bytes);
            }
        }
        return buffer.ToArray();
    }

    public static JsonObject ManifestJson(ProjectRecord project) => new()
    {
        ["title"] = project.Title,
        ["description"] = project.Description,
        ["parent"] = project.Parent ?? "",
        ["enabled"] = project.Enabled,
        ["inheritable"] = project.Inheritable,
    };

    /// <summary>Reads a project zip; the project is named <paramref name="name"/> whatever the zip says.</summary>
    public static bool TryRead(string name, byte[] zipBytes, out ProjectRecord project, out string error)
    {
        project = null!;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            JsonObject manifest = [];
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                var bytes = ReadEntry(entry);
                if (entry.FullName == ManifestName)
                {
                    manifest = JsonNode.Parse(bytes) as JsonObject
                        ?? throw new InvalidDataException($"{ManifestName} is not a JSON object.");
                }
                else
                {
                    files[entry.FullName] = bytes;
                }
            }
            project = FromManifest(name, manifest, files);
            error = "";
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or InvalidOperationException)
        {
            error = $"The project file is not a valid project zip: {ex.Message}";
            return false;
        }
    }

    public static ProjectRecord FromManifest(string name, JsonObject manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        var parent = manifest["parent"]?.GetValue<string>();
        return new ProjectRecord(
            name,
            manifest["title"]?.GetValue<string>() ?? name,
            manifest["description"]?.GetValue<string>() ?? "",
            manifest["enabled"]?.GetValue<bool>() ?? true,
            string.IsNullOrEmpty(parent) ? null : parent,
            manifest["inheritable"]?.GetValue<bool>() ?? false,
            files);
    }

    internal static void AddEntry(ZipArchive zip, string path, byte[] bytes)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    internal static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
