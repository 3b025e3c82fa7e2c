using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>Imports an export (<see cref="ImportReader"/>): a preview that says per file whether it is new, changed
/// (a conflict by path), unchanged or invalid, then the import with a choice per conflict. Files are validated
/// together with the other files of the same import, so an imported parent finds its imported children.</summary>
public sealed class PlaybookImporter(PlaybookLibrary library, IPlaybookLoader loader)
{
    public const string Overwrite = "overwrite";
    public const string Keep = "keep";
    public const string Copy = "copy";

    public async Task<Results<Ok<ImportPreview>, ProblemHttpResult>> PreviewAsync(ImportRequest request, CancellationToken ct)
    {
        var read = Read(request);
        if (read.Problem is { } problem) return problem;
        return TypedResults.Ok(await PreviewAsync(read.FileName, read.Format, read.Files, ct));
    }

    public async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(ImportRequest request, CancellationToken ct)
    {
        var read = Read(request);
        if (read.Problem is { } problem) return problem;
        var preview = await PreviewAsync(read.FileName, read.Format, read.Files, ct);
        var resolutions = request.Resolutions ?? [];
        if (resolutions.FirstOrDefault(r => r.Value is not (Overwrite or Keep or Copy)) is { Key: not null } bad)
            return ApiProblems.BadRequest($"resolution '{bad.Value}' for '{bad.Key}' is not one of overwrite, keep, copy", "resolutions");
        var open = preview.Items.Where(i => i.Conflict && !resolutions.ContainsKey(i.Path)).Select(i => i.Path).ToList();
        if (open.Count > 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"{open.Count} imported playbook(s) conflict with the library: choose overwrite, keep or copy for {string.Join(", ", open)}",
                extensions: new Dictionary<string, object?> { ["conflicts"] = open });
        if (preview.Items.FirstOrDefault(i => i.ReadOnly && resolutions.GetValueOrDefault(i.Path) == Overwrite) is { } readOnly)
            return ApiProblems.Conflict(library.ReadOnlyReason(readOnly.Path)!);

        var texts = read.Files.Where(f => f.Yaml is not null).GroupBy(f => Normalized(f.Path)).ToDictionary(g => g.Key, g => g.Last().Yaml!, StringComparer.Ordinal);
        var done = new List<ImportedItem>();
        foreach (var item in preview.Items)
        {
            switch (item.State, item.Conflict ? resolutions[item.Path] : null)
            {
                case ("invalid", _):
                    done.Add(new ImportedItem(item.Path, "skipped", null, null));
                    break;
                case ("unchanged", _):
                    done.Add(new ImportedItem(item.Path, "unchanged", null, null));
                    break;
                case ("new", _):
                    await library.WriteAsync(item.Path, texts[item.Path], ct);
                    done.Add(new ImportedItem(item.Path, "created", item.Path, null));
                    break;
                case (_, Overwrite):
                    var backup = library.Backup(item.Path);
                    await library.WriteAsync(item.Path, texts[item.Path], ct);
                    done.Add(new ImportedItem(item.Path, "overwritten", item.Path, backup));
                    break;
                case (_, Copy):
                    await library.WriteAsync(item.CopyPath!, texts[item.Path], ct);
                    done.Add(new ImportedItem(item.Path, "copied", item.CopyPath, null));
                    break;
                default:
                    done.Add(new ImportedItem(item.Path, "kept", null, null));
                    break;
            }
        }
        return TypedResults.Ok(new ImportResult(read.FileName, done));
    }

    private async Task<ImportPreview> PreviewAsync(string fileName, string format, IReadOnlyList<ImportFile> files, CancellationToken ct)
    {
        var valid = new Dictionary<string, ImportFile>(StringComparer.Ordinal);
        var items = new List<ImportItem>();
        foreach (var file in files)
        {
            if (file.Error is not null || library.TryNormalize(file.Path, out var relative) is { } pathError)
                items.Add(Invalid(file, file.Error ?? library.TryNormalize(file.Path, out _)!));
            else valid[relative] = file with { Path = relative };
        }
        var together = new ImportedFirstSource(new InMemoryPlaybookSource(valid.ToDictionary(v => v.Key, v => v.Value.Yaml!)), library.Source);
        foreach (var (path, file) in valid)
        {
            var result = loader.Load(file.Yaml!, path, together);
            var diagnostics = DiagnosticDto.From(result.Diagnostics);
            if (!result.IsValid)
            {
                items.Add(new ImportItem(path, result.Playbook?.Name, "invalid", false, false, file.Format, diagnostics, null));
                continue;
            }
            var existing = await library.ReadAsync(path, ct);
            var readOnly = library.MountOf(path) is not null;
            var state = existing is null ? "new"
                : PlaybookVerifications.Hash(existing) == PlaybookVerifications.Hash(file.Yaml!) ? "unchanged" : "changed";
            if (state == "new" && readOnly) state = "changed"; // a git source cannot take new files either
            items.Add(new ImportItem(path, result.Playbook?.Name, state, state == "changed", readOnly, file.Format, diagnostics,
                state == "changed" ? CopyPathFor(path, valid.Keys) : null));
        }
        return new ImportPreview(fileName, format, items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>Beside the original (<c>a.imported.yaml</c>, <c>a.imported-2.yaml</c>…); a git source's file goes to <c>imported/&lt;path&gt;</c>.</summary>
    private string CopyPathFor(string path, IEnumerable<string> incoming)
    {
        var taken = incoming.ToHashSet(StringComparer.Ordinal);
        var basePath = library.MountOf(path) is null ? path : "imported/" + path;
        var extension = Path.GetExtension(basePath);
        var stem = basePath[..^extension.Length];
        for (var n = 1; ; n++)
        {
            var candidate = library.MountOf(path) is not null && n == 1 ? basePath : $"{stem}.imported{(n == 1 ? "" : "-" + n)}{extension}";
            if (!taken.Contains(candidate) && !library.Exists(candidate) && library.MountOf(candidate) is null) return candidate;
        }
    }

    private static ImportItem Invalid(ImportFile file, string message) =>
        new(file.Path, null, "invalid", false, false, file.Format, [new DiagnosticDto("error", file.Path, 0, 0, "path", message)], null);

    private string Normalized(string path) => library.TryNormalize(path, out var relative) is null ? relative : path;

    private (string FileName, string Format, IReadOnlyList<ImportFile> Files, ProblemHttpResult? Problem) Read(ImportRequest request)
    {
        var name = string.IsNullOrWhiteSpace(request.FileName) ? "upload" : request.FileName.Trim();
        if (string.IsNullOrWhiteSpace(request.Content)) return (name, "", [], ApiProblems.BadRequest("content is required: the file, base64", "content"));
        if (request.Content.Length > ImportReader.MaxUploadBytes / 3 * 4 + 4)
            return (name, "", [], ApiProblems.BadRequest($"the file is larger than {ImportReader.MaxUploadBytes / (1024 * 1024)} MB", "content"));
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(request.Content);
        }
        catch (FormatException)
        {
            return (name, "", [], ApiProblems.BadRequest("content is not base64", "content"));
        }
        try
        {
            var (format, files) = ImportReader.Read(name, bytes);
            if (files.Count == 0) return (name, format, files, ApiProblems.BadRequest($"'{name}' holds no playbook", "content"));
            return (name, format, files, null);
        }
        catch (InvalidDataException ex)
        {
            return (name, "", [], ApiProblems.BadRequest(ex.Message, "content"));
        }
    }

    /// <summary>Nested playbooks of an import: the imported files first, then the library.</summary>
    private sealed class ImportedFirstSource(IPlaybookSource imported, IPlaybookSource library) : IPlaybookSource
    {
        public PlaybookSourceFile? Find(string reference, string fromPath) => imported.Find(reference, fromPath) ?? library.Find(reference, fromPath);
    }
}
