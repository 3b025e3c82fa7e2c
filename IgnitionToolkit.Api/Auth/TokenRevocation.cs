using IgnitionToolkit.Api.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace IgnitionToolkit.Api.Auth;

/// <summary>
/// Runs after a token's signature and lifetime were checked (<c>JwtBearerEvents.OnTokenValidated</c>): the token's user
/// must still exist, with the security stamp and the role written into the token. Otherwise authentication fails (401):
/// the user was deleted, their role changed, or their password was changed or reset since the token was issued.
/// </summary>
public static partial class TokenRevocation
{
    public static async Task CheckAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var subject = principal?.FindFirst("sub")?.Value;
        var stamp = principal?.FindFirst(SecurityStamps.Claim)?.Value;
        var role = principal?.FindFirst(TokenIssuer.RoleClaim)?.Value;
        var services = context.HttpContext.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TokenRevocation));
        if (!Guid.TryParse(subject, out var userId) || string.IsNullOrEmpty(stamp) || string.IsNullOrEmpty(role))
        {
            LogOutdated(logger);
            context.Fail("the access token has no user stamp; sign in again");
            return;
        }
        var current = await services.GetRequiredService<UserSessions>()
            .GetAsync(userId, services.GetRequiredService<ToolkitDbContext>(), context.HttpContext.RequestAborted);
        if (current is null || !string.Equals(current.Stamp, stamp, StringComparison.Ordinal) || !string.Equals(current.Role, role, StringComparison.Ordinal))
        {
            LogRevoked(logger, principal?.FindFirst(TokenIssuer.NameClaim)?.Value ?? subject, current is null ? "the user no longer exists" : "the user's role or password changed");
            context.Fail("the access token was revoked; sign in again");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token refused: it has no user stamp (issued before revocable tokens)")]
    private static partial void LogOutdated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token of {User} refused: {Reason}")]
    private static partial void LogRevoked(ILogger logger, string user, string reason);
}
