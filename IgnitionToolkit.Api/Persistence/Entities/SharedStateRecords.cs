namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>What the API instances last heard from one Runner (its presence heartbeats), shared through the database.</summary>
public sealed class RunnerRecord
{
    public required string Id { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public int Running { get; set; }
    public int Capacity { get; set; }
    /// <summary>The executions the Runner reported as its own, as a JSON array of ids.</summary>
    public required string ExecutionIdsJson { get; set; }
}

/// <summary>Failed logins of one partition (<c>user:…</c> or <c>client:…</c>) in one fixed window, shared by every instance.</summary>
public sealed class LoginFailureRecord
{
    public required string PartitionKey { get; set; }
    /// <summary>Unix time divided by the window length: the number of the fixed window.</summary>
    public long WindowNumber { get; set; }
    public int Failures { get; set; }
}

/// <summary>Which API instance runs a background job that must run once for all instances, and until when.</summary>
public sealed class JobLeaseRecord
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    /// <summary>Unix milliseconds after which another instance may take the job over.</summary>
    public long ExpiresAtMs { get; set; }
}
