using IgnitionToolkit.Api.OpenApi;

namespace IgnitionToolkit.Api.Security;

/// <summary>The API answers JSON, so its pages may load and be framed by nothing; only the browsable API reference
/// (<c>/scalar</c>) runs its own scripts and styles, from the API itself.</summary>
public static class ApiContentSecurityPolicy
{
    public const string Json = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string Reference =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

    public static string For(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiReferenceExtensions.ReferencePath) ? Reference : Json;
}
