using System.Security.Claims;
using System.Text.Encodings.Web;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Tokens;

/// <summary>
/// The API's authentication schemes: <see cref="Selector"/> (the default) forwards each request to
/// <see cref="Scheme"/> when its bearer value is one of the toolkit's own secrets (<c>itk_…</c>), else to the JWT bearer
/// scheme of signed-in users. The same header works for any HTTP client and for the live hub (there also as
/// <c>access_token</c> in the query, as browsers' WebSockets cannot send headers).
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Selector = "toolkit";
    public const string Scheme = "ApiToken";
    /// <summary>Claim holding the token's id (user tokens carry <c>sub</c> instead).</summary>
    public const string TokenIdClaim = "token_id";

    public static AuthenticationBuilder AddToolkitSchemes(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenStore>();
        return services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "JWT or API token", o => o.ForwardDefaultSelector = Select)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(Scheme, null);
    }

    public static string Select(HttpContext context) =>
        ToolkitSecrets.IsToolkitSecret(BearerValue(context)) ? Scheme : JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The bearer value of the <c>Authorization</c> header, or the hub's <c>access_token</c> query value.</summary>
    public static string? BearerValue(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (context.Request.Path.StartsWithSegments(LiveExtensions.HubPath) && context.Request.Query["access_token"].ToString() is { Length: > 0 } query)
            return query;
        return null;
    }

    /// <summary>The id of the API token that authenticated <paramref name="user"/>, if a token did.</summary>
    public static Guid? TokenId(ClaimsPrincipal? user) => Guid.TryParse(user?.FindFirst(TokenIdClaim)?.Value, out var id) ? id : null;
}

/// <summary>Authenticates <c>Bearer itk_…</c>: the principal is named <c>token:&lt;name&gt;</c> (what the audit trail
/// shows) with the token's role. Unknown, expired and revoked tokens fail (401). Trigger secrets (<c>itg_…</c>) are left
/// to the trigger endpoint (no result here).</summary>
public sealed partial class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ApiTokenAuthentication.BearerValue(Context);
        if (secret is null || !secret.StartsWith(ToolkitSecrets.ApiTokenPrefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();
        var token = await Context.RequestServices.GetRequiredService<ApiTokenStore>().AuthenticateAsync(secret, Context.RequestAborted);
        if (token is null)
        {
            LogRefused(Logger, ToolkitSecrets.Hint(secret));
            return AuthenticateResult.Fail("the API token is unknown, expired or revoked");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(TokenIssuer.NameClaim, ApiTokenStore.ActorName(token.Name)),
                new Claim(TokenIssuer.RoleClaim, token.Role),
                new Claim(ApiTokenAuthentication.TokenIdClaim, token.Id.ToString("D")),
            ], ApiTokenAuthentication.Scheme, TokenIssuer.NameClaim, TokenIssuer.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokenAuthentication.Scheme));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API token {Hint}… refused: unknown, expired or revoked")]
    private static partial void LogRefused(ILogger logger, string hint);
}
