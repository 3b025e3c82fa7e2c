namespace IgnitionToolkit.Web.Api;

/// <summary>One row of the "recent executions" table.</summary>
public sealed record ExecutionRow(string Id, string Playbook, string Status, DateTimeOffset? StartedAt);

/// <summary>What the status page shows; <see cref="Error"/> is set when the API could not be read.</summary>
public sealed record ApiStatus(
    string? ApiVersion,
    string? Database,
    string? Health,
    IReadOnlyDictionary<string, string> Components,
    IReadOnlyList<ExecutionRow> RecentExecutions,
    string? Error)
{
    public bool IsReachable => Error is null;

    /// <summary>False when nobody is signed in: the recent executions are not read.</summary>
    public bool SignedIn { get; init; }

    public static ApiStatus Unreachable(string error) =>
        new(null, null, null, new Dictionary<string, string>(), [], error);
}
