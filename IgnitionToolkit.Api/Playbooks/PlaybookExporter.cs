using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>Exports one playbook, a folder or the whole library as a zip: the YAML files at their library paths, the
/// nested playbooks they run (<c>playbook.run</c>), and <c>toolkit-export.json</c> (what is in it, hashes, verification
/// states). Credentials are never in it: playbooks only name vault credentials.</summary>
public sealed class PlaybookExporter(PlaybookLibrary library, PlaybookValidator validator, PlaybookVerifications verifications, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string? path, string? folder, string user, CancellationToken ct)
    {
        string scope;
        IReadOnlyList<string> roots;
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (library.TryNormalize(path, out var relative) is { } error) return ApiProblems.BadRequest(error, "path");
            if (!library.Exists(relative)) return ApiProblems.NotFound($"playbook '{relative}' does not exist");
            (scope, roots) = ("playbook", [relative]);
        }
        else if (!string.IsNullOrWhiteSpace(folder))
        {
            roots = library.ListFolder(folder);
            if (roots.Count == 0) return ApiProblems.NotFound($"folder '{folder}' has no playbooks");
            scope = "folder";
        }
        else (scope, roots) = ("library", library.List());

        var files = new SortedDictionary<string, (string Yaml, string? Name, string? Version, bool Child)>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var loaded = await validator.LoadFileAsync(root, ct);
            if (loaded is null) continue;
            files[root] = (loaded.Value.Yaml, loaded.Value.Result.Playbook?.Name, loaded.Value.Result.Playbook?.Version, false);
            if (loaded.Value.Result.Playbook is not { } playbook) continue;
            foreach (var (childPath, childYaml) in PlaybookBundle.Collect(playbook, library.Source))
            {
                if (files.ContainsKey(childPath)) continue;
                var child = validator.Validate(childYaml, childPath).Playbook;
                files[childPath] = (childYaml, child?.Name, child?.Version, true);
            }
        }

        var marks = await verifications.AllAsync(ct);
        var manifest = new ExportManifest(ExportManifest.FormatName, 1, ToolkitVersion(), clock.GetUtcNow(), user, scope,
            scope == "library" ? null : (path ?? folder)?.Trim(),
            files.Select(f => new ExportedPlaybook(f.Key, f.Value.Name ?? Path.GetFileNameWithoutExtension(f.Key), f.Value.Version,
                PlaybookVerifications.Hash(f.Value.Yaml), f.Value.Child, library.MountOf(f.Key)?.Name ?? "local", library.MountOf(f.Key)?.Commit,
                PlaybookVerifications.StateOf(f.Value.Yaml, marks.GetValueOrDefault(f.Key)).State)).ToList());

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (filePath, file) in files) await WriteAsync(zip, filePath, file.Yaml, ct);
            await WriteAsync(zip, ExportManifest.FileName, JsonSerializer.Serialize(manifest, Json), ct);
        }
        var name = scope switch
        {
            "playbook" => Path.GetFileNameWithoutExtension(roots[0]),
            "folder" => folder!.Trim('/').Replace('/', '-'),
            _ => "playbook-library",
        };
        return TypedResults.File(buffer.ToArray(), "application/zip", $"{name}-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.zip");
    }

    private async Task WriteAsync(ZipArchive zip, string path, string text, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = clock.GetUtcNow();
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }

    private static string ToolkitVersion() =>
        (typeof(PlaybookExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").Split('+', 2)[0];
}
