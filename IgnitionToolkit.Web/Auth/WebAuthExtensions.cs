using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IgnitionToolkit.Web.Auth;

/// <summary>Cookie sign-in for the Web UI; the cookie carries the user's API token as a claim (see DECISIONS.md).</summary>
public static class WebAuthExtensions
{
    public const string AccessTokenClaim = "toolkit:access_token";
    public const string LoginPath = "/login";

    public static IServiceCollection AddToolkitWebAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "IgnitionToolkit.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/"; // signed in, but the role may not open the page
            o.SlidingExpiration = false;
            o.ReturnUrlParameter = "returnUrl";
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<IApiTokenSource, ApiTokenSource>();
        return services;
    }

    /// <summary><c>POST /logout</c> (with the antiforgery token of the form): ends the sign-in and goes to the sign-in page.</summary>
    public static void MapSignOut(this WebApplication app) =>
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        });

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
}
