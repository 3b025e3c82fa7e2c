namespace IgnitionToolkit.Api.Audit;

/// <summary>What a successful call of an endpoint (by its name) records in the audit trail: the action, the target
/// type, and the route value that names the target (else the <c>Location</c> of a created resource).</summary>
public static class AuditActions
{
    public sealed record Rule(string Action, string TargetType, string? RouteKey);

    public static readonly IReadOnlyDictionary<string, Rule> ByEndpoint = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["StartExecution"] = new("execution.started", "execution", null),
        ["ControlExecution"] = new("execution.{command}", "execution", "id"),
        ["DeleteExecution"] = new("execution.deleted", "execution", "id"),
        ["RerunStep"] = new("execution.rerun_step", "execution", "id"),
        ["CreatePlaybook"] = new("playbook.created", "playbook", null),
        ["UpdatePlaybook"] = new("playbook.changed", "playbook", "path"),
        ["DeletePlaybook"] = new("playbook.deleted", "playbook", "path"),
        ["CreateCredential"] = new("credential.created", "credential", null),
        ["UpdateCredential"] = new("credential.changed", "credential", "name"),
        ["DeleteCredential"] = new("credential.deleted", "credential", "name"),
        ["CreateSchedule"] = new("schedule.created", "schedule", null),
        ["UpdateSchedule"] = new("schedule.changed", "schedule", "id"),
        ["DeleteSchedule"] = new("schedule.deleted", "schedule", "id"),
        ["EnableSchedule"] = new("schedule.enabled", "schedule", "id"),
        ["DisableSchedule"] = new("schedule.disabled", "schedule", "id"),
        ["CreateUser"] = new("user.created", "user", null),
        ["UpdateUser"] = new("user.changed", "user", "userName"),
        ["DeleteUser"] = new("user.deleted", "user", "userName"),
        ["ChangeOwnPassword"] = new("user.password_changed", "user", null),
    };

    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
}
