namespace IgnitionToolkit.Api.Playbooks;

/// <summary>One playbook in an export's manifest (<c>toolkit-export.json</c>).</summary>
public sealed record ExportedPlaybook(string Path, string Name, string? Version, string Sha256, bool Child, string? Source, string? Commit,
    string Verification);

/// <summary>The manifest of an export zip. No credentials: playbooks name vault credentials, the vault stays here.</summary>
public sealed record ExportManifest(string Format, int FormatVersion, string ToolkitVersion, DateTimeOffset ExportedAt, string ExportedBy,
    string Scope, string? ScopePath, IReadOnlyList<ExportedPlaybook> Playbooks)
{
    public const string FileName = "toolkit-export.json";
    public const string FormatName = "ignition-toolkit-library";
}

/// <param name="FileName">The uploaded file's name (<c>.zip</c>, <c>.json</c> for the original toolkit's export, or <c>.yaml</c>).</param>
/// <param name="Content">The file, base64.</param>
/// <param name="Resolutions">Per conflicting path: <c>overwrite</c> (the current file is backed up), <c>keep</c> (the
/// library's file stays), or <c>copy</c> (the imported one is written beside it as <c>…imported.yaml</c>).</param>
public sealed record ImportRequest(string? FileName, string? Content, Dictionary<string, string>? Resolutions);

/// <summary>One file of an import as previewed: <c>new</c>, <c>changed</c> (a conflict: the library has another text at
/// that path), <c>unchanged</c>, or <c>invalid</c> (not imported; see the diagnostics).</summary>
public sealed record ImportItem(string Path, string? Name, string State, bool Conflict, bool ReadOnly, string Format,
    IReadOnlyList<Problems.DiagnosticDto> Diagnostics, string? CopyPath);

public sealed record ImportPreview(string FileName, string Format, IReadOnlyList<ImportItem> Items)
{
    public int ConflictCount => Items.Count(i => i.Conflict);
}

/// <summary>What happened to one file: <c>created</c>, <c>overwritten</c>, <c>copied</c>, <c>kept</c>, <c>unchanged</c> or <c>skipped</c> (invalid).</summary>
public sealed record ImportedItem(string Path, string Action, string? WrittenPath, string? BackupPath);

public sealed record ImportResult(string FileName, IReadOnlyList<ImportedItem> Items)
{
    public int WrittenCount => Items.Count(i => i.WrittenPath is not null);
}

/// <param name="From">Library path of the playbook to copy or move.</param>
/// <param name="To">The new library path (local folder).</param>
public sealed record CopyMoveRequest(string? From, string? To);

public sealed record CopyMoveResult(string From, string To, string? BackupPath);
