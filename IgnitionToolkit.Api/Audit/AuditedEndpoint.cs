namespace IgnitionToolkit.Api.Audit;

/// <summary>One audit trail entry as an endpoint describes it (who and when are added by <see cref="AuditTrail"/>).</summary>
public sealed record AuditEntry(string Action, string TargetType, string? TargetId, string? Detail);

/// <summary>Endpoint metadata added by <see cref="AuditConventions.Audited"/>: a successful (2xx) call of this endpoint
/// records <see cref="Action"/> on a <see cref="TargetType"/>, named by the route value <see cref="TargetRouteValue"/>
/// or by <see cref="Describe"/> from the typed result.</summary>
public sealed class AuditedEndpoint(string action, string targetType, string? targetRouteValue)
{
    public string Action { get; } = action;
    public string TargetType { get; } = targetType;
    public string? TargetRouteValue { get; } = targetRouteValue;

    /// <summary>Reads state before the handler runs (e.g. whether a playbook was enabled); handed to <see cref="Describe"/>.</summary>
    public Func<HttpContext, Task<object?>>? Before { get; init; }

    /// <summary>Refines the entry from the call (typed result value, arguments by type, the state read before).</summary>
    public Func<AuditCall, AuditEntry>? Describe { get; init; }
}

/// <summary>What a describer of an audited call may read. Request bodies are never copied whole (no secrets).</summary>
public sealed class AuditCall(EndpointFilterInvocationContext invocation, AuditEntry entry, object? value, object? before)
{
    public HttpContext Http => invocation.HttpContext;

    /// <summary>The entry as declared (action, target type, target from the route value).</summary>
    public AuditEntry Entry { get; } = entry;

    /// <summary>The value of the typed result (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>, <c>Accepted&lt;T&gt;</c>), if any.</summary>
    public object? Value { get; } = value;

    public object? Before { get; } = before;

    /// <summary>The handler's argument of type <typeparamref name="T"/> (by type, never by position).</summary>
    public T? Argument<T>() where T : class => invocation.Arguments.OfType<T>().FirstOrDefault();
}

/// <summary>Endpoint metadata: this endpoint changes something but is deliberately not audited by the convention,
/// for the reason given (e.g. it only validates, or it writes its own entries).</summary>
public sealed record NotAuditedEndpoint(string Reason);
