namespace IgnitionToolkit.Api.Audit;

/// <summary>Audit declared where an endpoint is mapped:
/// <c>.Audited("playbook.deleted", "playbook", targetRouteValue: "path")</c>, or with the typed result
/// <c>.Audited&lt;CredentialDto&gt;("credential.created", "credential", c =&gt; c.Entry with { TargetId = c.Value.Name })</c>.</summary>
public static class AuditConventions
{
    /// <summary>A successful call records <paramref name="action"/> on the target named by the route value <paramref name="targetRouteValue"/>.</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action, string targetType, string? targetRouteValue = null) =>
        endpoint.Audited(new AuditedEndpoint(action, targetType, targetRouteValue));

    /// <summary>A successful call whose result carries a <typeparamref name="TValue"/> records the entry that
    /// <paramref name="describe"/> makes of it (target id, detail, or a more precise action).</summary>
    public static RouteHandlerBuilder Audited<TValue>(this RouteHandlerBuilder endpoint, string action, string targetType,
        Func<AuditCall<TValue>, AuditEntry> describe, string? targetRouteValue = null, Func<HttpContext, Task<object?>>? before = null) =>
        endpoint.Audited(new AuditedEndpoint(action, targetType, targetRouteValue)
        {
            Before = before,
            Describe = call => call.Value is TValue value ? describe(new AuditCall<TValue>(call, value)) : call.Entry,
        });

    /// <summary>Marks a changing endpoint as deliberately not audited by the convention, saying why.</summary>
    public static TBuilder NotAudited<TBuilder>(this TBuilder endpoint, string reason) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new NotAuditedEndpoint(reason));

    private static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, AuditedEndpoint audited) =>
        endpoint.WithMetadata(audited).AddEndpointFilter(new AuditFilter(audited));
}

/// <summary>An audited call whose typed result carries a <typeparamref name="TValue"/>.</summary>
public sealed class AuditCall<TValue>(AuditCall call, TValue value)
{
    public TValue Value { get; } = value;
    public AuditEntry Entry => call.Entry;
    public object? Before => call.Before;
    public HttpContext Http => call.Http;
    public T? Argument<T>() where T : class => call.Argument<T>();
}
