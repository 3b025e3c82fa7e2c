namespace IgnitionToolkit.Api.Auth;

/// <summary>The role policies, declared on each resource's group and endpoint where it is mapped:
/// <c>api.MapGroup("/playbooks").RequireViewer()</c>, then <c>.RequireOperator()</c> on the endpoints that change
/// something. A policy admits its role and every higher one (viewer &lt; operator &lt; admin). Open endpoints say
/// <c>AllowAnonymous()</c>; a test asserts that every endpoint makes one of these decisions.</summary>
public static class AccessPolicies
{
    public const string ViewerPolicy = "toolkit-viewer";
    public const string OperatorPolicy = "toolkit-operator";
    public const string AdminPolicy = "toolkit-admin";

    /// <summary>Signed in with any role: <c>viewer</c> or higher.</summary>
    public static TBuilder RequireViewer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ViewerPolicy);

    /// <summary><c>operator</c> or <c>admin</c>: runs and controls executions, edits playbooks.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(OperatorPolicy);

    /// <summary><c>admin</c> only: users, the audit trail, credential changes.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AdminPolicy);
}
