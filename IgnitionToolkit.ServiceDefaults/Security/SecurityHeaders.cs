using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IgnitionToolkit.ServiceDefaults.Security;

/// <summary>Response headers that tell browsers to sniff nothing, frame nothing, leak no referrer and use no device
/// features, plus a Content-Security-Policy chosen per request. Added just before the response starts, so error and
/// 429 responses carry them too; a header an endpoint already set is left alone.</summary>
public static class SecurityHeaders
{
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseToolkitSecurityHeaders(this IApplicationBuilder app, Func<HttpContext, string> contentSecurityPolicy) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                SetIfMissing(headers, "Content-Security-Policy", contentSecurityPolicy(context));
                SetIfMissing(headers, "X-Content-Type-Options", "nosniff");
                SetIfMissing(headers, "X-Frame-Options", "DENY");
                SetIfMissing(headers, "Referrer-Policy", "no-referrer");
                SetIfMissing(headers, "Permissions-Policy", PermissionsPolicy);
                SetIfMissing(headers, "Cross-Origin-Opener-Policy", "same-origin");
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void SetIfMissing(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name)) headers[name] = value;
    }
}
