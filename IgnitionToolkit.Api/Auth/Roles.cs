using System.Text.RegularExpressions;

namespace IgnitionToolkit.Api.Auth;

/// <summary>The three roles, each including the rights of the ones below it: admin ⊃ operator ⊃ viewer.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Viewer];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);

    /// <summary>The roles that satisfy a policy of <paramref name="minimum"/>.</summary>
    public static string[] AtLeast(string minimum) => minimum switch
    {
        Admin => [Admin],
        Operator => [Admin, Operator],
        _ => [Admin, Operator, Viewer],
    };
}

/// <summary>User names: 1-64 letters, digits, '.', '_', '-' or '@'.</summary>
public static partial class UserNames
{
    public const string Rule = "must be 1-64 letters, digits, '.', '_', '-' or '@'";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex Pattern();
}
