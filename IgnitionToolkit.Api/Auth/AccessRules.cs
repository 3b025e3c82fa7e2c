namespace IgnitionToolkit.Api.Auth;

/// <summary>The one table of who may call what under <c>/api/v1</c>, applied as a convention on the whole group:
/// reads (GET/HEAD) need <c>viewer</c>, writes <c>operator</c>; credentials and webhooks writes, users and the audit trail need
/// <c>admin</c>. Endpoints marked <c>AllowAnonymous</c> (version, login) are open.</summary>
public static class AccessRules
{
    public const string ViewerPolicy = "toolkit-viewer";
    public const string OperatorPolicy = "toolkit-operator";
    public const string AdminPolicy = "toolkit-admin";

    private static readonly string[] AdminAreas = ["users", "audit"];
    private static readonly string[] AdminWriteAreas = ["credentials", "webhooks"];
    private static readonly string[] SelfServiceAreas = ["auth"];

    public static string PolicyOf(string minimumRole) => minimumRole switch
    {
        Roles.Admin => AdminPolicy,
        Roles.Operator => OperatorPolicy,
        _ => ViewerPolicy,
    };

    /// <summary>The least role for <paramref name="method"/> on a route below <c>/api/v1</c> (e.g. <c>/api/v1/credentials/{name}</c>).</summary>
    public static string MinimumRole(string method, string? routePattern)
    {
        var area = Area(routePattern);
        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (AdminAreas.Contains(area)) return Roles.Admin;
        if (SelfServiceAreas.Contains(area)) return Roles.Viewer; // one's own account
        if (read) return Roles.Viewer;
        return AdminWriteAreas.Contains(area) ? Roles.Admin : Roles.Operator;
    }

    /// <summary>Adds the role policy to every endpoint of <paramref name="group"/> (after their HTTP methods are known).</summary>
    public static RouteGroupBuilder RequireToolkitRoles(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(ViewerPolicy);
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? ["POST"];
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText;
            var role = methods.Select(m => MinimumRole(m, pattern)).MaxBy(Rank) ?? Roles.Viewer;
            if (role != Roles.Viewer) endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(PolicyOf(role)));
        });
        return group;
    }

    private static int Rank(string role) => role switch { Roles.Admin => 2, Roles.Operator => 1, _ => 0 };

    private static string Area(string? pattern)
    {
        var path = (pattern ?? "").TrimStart('/');
        const string prefix = "api/v1/";
        if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) path = path[prefix.Length..];
        var slash = path.IndexOf('/');
        return (slash < 0 ? path : path[..slash]).ToLowerInvariant();
    }
}
