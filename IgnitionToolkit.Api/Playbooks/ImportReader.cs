using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>One playbook read from an uploaded file: its library path and YAML, or why it could not be read.</summary>
public sealed record ImportFile(string Path, string? Yaml, string Format, string? Error);

/// <summary>Reads the files an import accepts: this toolkit's export zip (YAML files at their library paths), the
/// original toolkit's JSON export (v5: <c>{name, path, domain, yaml_content, metadata}</c>, one or a list; v2/v4: the
/// playbook itself as JSON with <c>_export_metadata</c>), or one YAML file (written to <c>imported/</c>).</summary>
public static partial class ImportReader
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const int MaxEntries = 2000;
    public const long MaxTotalBytes = 50 * 1024 * 1024;

    public const string ZipFormat = "zip";
    public const string V5JsonFormat = "v5-json";
    public const string V2JsonFormat = "v2-json";
    public const string YamlFormat = "yaml";

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex Unsafe();

    /// <summary>The playbooks in <paramref name="content"/>; throws <see cref="InvalidDataException"/> naming what is wrong with the file as a whole.</summary>
    public static (string Format, IReadOnlyList<ImportFile> Files) Read(string fileName, byte[] content)
    {
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K') return (ZipFormat, ReadZip(content));
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var first = text.TrimStart().FirstOrDefault();
        if (first is '{' or '[' && (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !LooksLikeYamlName(fileName)))
            return ReadJson(text);
        if (!LooksLikeYamlName(fileName))
            throw new InvalidDataException($"'{fileName}' is not an export: upload a .zip exported by this toolkit, a .json export of the original toolkit, or a .yaml playbook");
        return (YamlFormat, [new ImportFile("imported/" + System.IO.Path.GetFileName(fileName.Replace('\\', '/')), text, YamlFormat, null)]);
    }

    private static bool LooksLikeYamlName(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static List<ImportFile> ReadZip(byte[] content)
    {
        using var zip = OpenZip(content);
        var files = new List<ImportFile>();
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/') || entry.FullName == ExportManifest.FileName || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)) continue;
            if (files.Count >= MaxEntries) throw new InvalidDataException($"the zip has more than {MaxEntries} files");
            if (!LooksLikeYamlName(entry.FullName))
            {
                files.Add(new ImportFile(entry.FullName, null, ZipFormat, "not a playbook (only .yaml and .yml files are imported)"));
                continue;
            }
            if (entry.Length > PlaybookLibrary.MaxFileBytes)
            {
                files.Add(new ImportFile(entry.FullName, null, ZipFormat, $"larger than {PlaybookLibrary.MaxFileBytes} bytes"));
                continue;
            }
            total += entry.Length;
            if (total > MaxTotalBytes) throw new InvalidDataException($"the zip unpacks to more than {MaxTotalBytes / (1024 * 1024)} MB");
            using var stream = entry.Open();
            var bytes = ReadBounded(stream, PlaybookLibrary.MaxFileBytes)
                ?? throw new InvalidDataException($"'{entry.FullName}' unpacks to more than its stated size");
            files.Add(new ImportFile(entry.FullName, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), ZipFormat, null));
        }
        return files;
    }

    /// <summary>At most <paramref name="limit"/> bytes of <paramref name="stream"/>; null when it has more (a zip entry that lies about its size).</summary>
    private static byte[]? ReadBounded(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }
        return buffer.ToArray();
    }

    private static ZipArchive OpenZip(byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"the file is not a readable zip: {ex.Message}");
        }
    }

    private static (string Format, IReadOnlyList<ImportFile> Files) ReadJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the JSON export cannot be read: {ex.Message} (line {ex.LineNumber + 1})");
        }
        using (document)
        {
            var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            var files = new List<ImportFile>();
            var format = V5JsonFormat;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"item {i} of the JSON export is not an object");
                if (item.TryGetProperty("yaml_content", out var yaml) && yaml.ValueKind == JsonValueKind.String)
                    files.Add(new ImportFile(PathOf(item), yaml.GetString()!, V5JsonFormat, null));
                else if (item.TryGetProperty("steps", out _))
                {
                    format = V2JsonFormat;
                    files.Add(new ImportFile(PathOf(item), ToYaml(item), V2JsonFormat, null));
                }
                else throw new InvalidDataException($"item {i} of the JSON export has neither yaml_content (v5 export) nor steps (v2 export)");
            }
            return (format, files);
        }
    }

    /// <summary>The export's own <c>path</c> when it is a library path; else <c>&lt;domain&gt;/&lt;name&gt;.yaml</c> as the original import did.</summary>
    private static string PathOf(JsonElement item)
    {
        if (item.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } path
            && !path.StartsWith('/') && !path.Contains("..", StringComparison.Ordinal) && LooksLikeYamlName(path))
            return path.Replace('\\', '/');
        var domain = item.TryGetProperty("domain", out var d) && d.GetString() is "gateway" or "perspective" or "designer" ? d.GetString()! : "imported";
        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "playbook";
        var safe = Unsafe().Replace(name.ToLowerInvariant().Replace(' ', '_').Replace('-', '_'), "");
        return $"{domain}/{(safe.Length == 0 ? "playbook" : safe)}.yaml";
    }

    private static string ToYaml(JsonElement item)
    {
        var graph = (Dictionary<string, object?>)Plain(item)!;
        graph.Remove("_export_metadata");
        return new SerializerBuilder().Build().Serialize(graph);
    }

    private static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
