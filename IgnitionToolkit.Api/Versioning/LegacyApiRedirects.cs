using IgnitionToolkit.Api.Extensions;
using IgnitionToolkit.Api.Options;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Versioning;

/// <summary>Requests to the old unversioned paths (<c>/api/playbooks?x=1</c>) get <c>308 Permanent Redirect</c> to the
/// same path under <c>/api/v1</c>, query kept; 308 keeps the method and body, so old clients' POSTs still work.
/// See <c>docs/api-changelog.md</c> for the deprecation policy.</summary>
public static class LegacyApiRedirects
{
    public const string LegacyPrefix = "/api";

    public static WebApplication UseLegacyApiRedirects(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.LegacyRedirects) return app;
        app.Use((context, next) =>
        {
            if (Target(context.Request) is not { } target) return next(context);
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = target;
            context.Response.Headers["Deprecation"] = "true";
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>The versioned location of an unversioned API request, or null when the request is already versioned
    /// (<c>/api/v1</c>, <c>/api/v2</c>...) or not an API request.</summary>
    public static string? Target(HttpRequest request)
    {
        var path = request.Path;
        if (!path.StartsWithSegments(LegacyPrefix, StringComparison.OrdinalIgnoreCase, out var rest)) return null;
        var first = rest.Value?.TrimStart('/').Split('/', 2)[0] ?? "";
        if (IsVersionSegment(first)) return null;
        return $"{request.PathBase}{EndpointExtensions.ApiPrefix}{rest}{request.QueryString}";
    }

    private static bool IsVersionSegment(string segment) =>
        segment.Length >= 2 && (segment[0] is 'v' or 'V') && segment[1..].All(char.IsAsciiDigit);
}
