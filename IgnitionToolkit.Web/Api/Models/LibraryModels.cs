namespace IgnitionToolkit.Web.Api.Models;

public sealed record UpstreamChangeModel(string Path, string Change, string? OldPath);

public sealed record LibrarySourceModel(
    string Name, string Url, string Branch, string? SubFolder, string? CredentialName, int PullIntervalMinutes, bool AutoUpdate,
    string? Commit, string? CommitMessage, DateTimeOffset? PulledAt, string? LastError, DateTimeOffset? LastAttemptAt,
    string? UpstreamCommit, IReadOnlyList<UpstreamChangeModel> Updates)
{
    public static string Short(string? sha) => sha is { Length: > 7 } s ? s[..7] : sha ?? "–";
}

public sealed class LibrarySourceInput
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Branch { get; set; } = "main";
    public string? SubFolder { get; set; }
    public string? CredentialName { get; set; }
    public int PullIntervalMinutes { get; set; } = 15;
    public bool AutoUpdate { get; set; } = true;
}

public sealed record UpstreamDiffModel(string Path, string Diff);

public sealed record ImportItemModel(string Path, string? Name, string State, bool Conflict, bool ReadOnly, string Format,
    IReadOnlyList<Diagnostic> Diagnostics, string? CopyPath);

public sealed record ImportPreviewModel(string FileName, string Format, IReadOnlyList<ImportItemModel> Items);

public sealed record ImportedItemModel(string Path, string Action, string? WrittenPath, string? BackupPath);

public sealed record ImportResultModel(string FileName, IReadOnlyList<ImportedItemModel> Items);

public sealed record CopyMoveResultModel(string From, string To, string? BackupPath);
