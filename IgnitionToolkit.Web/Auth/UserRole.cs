using System.Security.Claims;

namespace IgnitionToolkit.Web.Auth;

/// <summary>What the signed-in user's role lets the UI offer (the API enforces the same rules).</summary>
public static class UserRole
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Viewer = "viewer";
    /// <summary>For <c>AuthorizeView Roles</c>: may run and control executions and edit playbooks.</summary>
    public const string Operators = "admin,operator";

    public static string Of(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value ?? Viewer;

    public static bool CanOperate(ClaimsPrincipal user) => user.IsInRole(Admin) || user.IsInRole(Operator);

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Admin);
}
