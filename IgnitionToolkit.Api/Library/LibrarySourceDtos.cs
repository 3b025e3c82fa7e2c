namespace IgnitionToolkit.Api.Library;

/// <summary>A git source as the API shows it: where it comes from, the revision the library shows (<see cref="Commit"/>),
/// what the last fetch found upstream (<see cref="UpstreamCommit"/>, <see cref="Updates"/>), and why the last attempt
/// failed, if it did (<see cref="LastError"/>; the library keeps showing <see cref="Commit"/>).</summary>
public sealed record LibrarySourceDto(
    string Name, string Url, string Branch, string? SubFolder, string? CredentialName, int PullIntervalMinutes, bool AutoUpdate,
    string? Commit, string? CommitMessage, DateTimeOffset? PulledAt, string? LastError, DateTimeOffset? LastAttemptAt,
    string? UpstreamCommit, IReadOnlyList<UpstreamChange> Updates);

/// <param name="PullIntervalMinutes">Minutes between automatic fetches (0: only on demand); default 15.</param>
/// <param name="AutoUpdate">True (default): an automatic fetch also moves the library to the new revision; false: it only shows the updates.</param>
public sealed record LibrarySourceRequest(
    string? Name, string? Url, string? Branch, string? SubFolder, string? CredentialName, int? PullIntervalMinutes, bool? AutoUpdate);

/// <summary>One playbook's change upstream, with its unified diff.</summary>
public sealed record UpstreamDiffDto(string Path, string Diff);
