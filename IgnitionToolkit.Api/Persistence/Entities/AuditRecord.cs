namespace IgnitionToolkit.Api.Persistence.Entities;

/// <summary>One audit trail entry: who did what to which target, when. <see cref="Detail"/> never holds a secret.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    /// <summary>The signed-in user, or the user name tried at a failed login.</summary>
    public required string UserName { get; set; }
    /// <summary>e.g. <c>execution.started</c>, <c>playbook.changed</c>, <c>login.failed</c>.</summary>
    public required string Action { get; set; }
    /// <summary><c>execution</c>, <c>playbook</c>, <c>credential</c>, <c>user</c>.</summary>
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Detail { get; set; }
    public string? ClientIp { get; set; }
}
