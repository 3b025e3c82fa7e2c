namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>A git repository whose playbooks appear in the library under the folder <see cref="Name"/> (read-only).</summary>
public sealed class LibrarySourceRecord
{
    public Guid Id { get; set; }
    /// <summary>The library folder the repository's playbooks appear under (letters, digits, '_' and '-').</summary>
    public required string Name { get; set; }
    /// <summary>Clone URL (https, ssh, file or a local path); never with credentials in it.</summary>
    public required string Url { get; set; }
    public required string Branch { get; set; }
    /// <summary>The repository folder that holds the playbooks (null: the whole repository).</summary>
    public string? SubFolder { get; set; }
    /// <summary>A vault credential (gateway_login: username + password, api_token: token) used to fetch.</summary>
    public string? CredentialName { get; set; }
    public int PullIntervalMinutes { get; set; }
    /// <summary>True: the periodic pull applies what it fetches; false: it only shows "updates available".</summary>
    public bool AutoUpdate { get; set; }
    /// <summary>The revision the library shows (the last good pull).</summary>
    public string? PulledCommit { get; set; }
    public DateTimeOffset? PulledAt { get; set; }
    /// <summary>Why the last clone, fetch or pull failed (cleared by the next good one).</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>"This exact text of this playbook was checked by a person": keyed by library path and the SHA-256 of the YAML,
/// so any change of the text (an edit, an upstream commit) leaves the playbook without a matching mark.</summary>
public sealed class PlaybookVerificationRecord
{
    public required string Path { get; set; }
    public required string ContentHash { get; set; }
    public required string VerifiedBy { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
}
