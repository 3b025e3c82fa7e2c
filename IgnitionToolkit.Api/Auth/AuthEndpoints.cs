using System.Globalization;
using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Api.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Auth;

/// <summary><c>POST /api/v1/auth/login</c> (anonymous, limited per user and client IP), <c>GET /api/v1/auth/me</c>,
/// <c>POST /api/v1/auth/password</c> (change one's own password).</summary>
public static partial class AuthEndpoints
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).WithName("Login").AllowAnonymous()
            .NotAudited($"writes {LoginSucceeded} and {LoginFailed} itself, failures included");
        group.MapGet("/me", MeAsync).WithName("GetMe").RequireViewer();
        group.MapPost("/password", ChangePasswordAsync).WithName("ChangeOwnPassword").RequireViewer() // one's own account
            .Audited("user.password_changed", "user");
        return api;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, UserAccounts accounts, TokenIssuer tokens, LoginLimiter limiter, AuditTrail audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Username)) return ApiProblems.BadRequest("username is required", "username");
        if (string.IsNullOrEmpty(request.Password)) return ApiProblems.BadRequest("password is required", "password");
        var userName = UserNames.Normalize(request.Username);
        var client = CurrentUser.ClientKey(http);
        if (await limiter.BlockedAsync(userName, client, ct) is { } wait)
        {
            // not audited: a flood of refused attempts must not write to the database
            LogLoginRefused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthEndpoints)), userName, client);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many login attempts",
                detail: $"too many failed logins for this user or client; try again in {seconds} s");
        }
        var user = await accounts.VerifyAsync(userName, request.Password, ct);
        if (user is null)
        {
            await limiter.FailedAsync(userName, client, ct);
            await audit.RecordAsAsync(userName, LoginFailed, "user", userName, null, ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed", detail: "unknown user name or wrong password");
        }
        await audit.RecordAsAsync(user.UserName, LoginSucceeded, "user", user.UserName, null, ct);
        var token = tokens.Issue(user.Id, user.UserName, user.Role, user.SecurityStamp);
        return TypedResults.Ok(new LoginResponse(token.AccessToken, token.ExpiresAt, UserMapping.ToDto(user), [user.Role]));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> MeAsync(
        CurrentUser current, HttpContext http, UserAccounts accounts, Tokens.ApiTokenStore tokens, CancellationToken ct)
    {
        if (Tokens.ApiTokenAuthentication.TokenId(http.User) is { } tokenId) // an API token: itself, named as in the audit trail
        {
            if (await tokens.GetAsync(tokenId, ct) is not { } token) return ApiProblems.NotFound($"API token {tokenId} no longer exists");
            return TypedResults.Ok(new MeResponse(new UserDto(token.Id, current.Name, token.Role, token.CreatedAt, token.CreatedAt, token.LastUsedAt), [token.Role]));
        }
        var user = await accounts.FindAsync(current.Name, ct);
        if (user is null) return ApiProblems.NotFound($"user '{current.Name}' no longer exists");
        return TypedResults.Ok(new MeResponse(UserMapping.ToDto(user), [user.Role]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, CurrentUser current, UserAccounts accounts, CancellationToken ct)
    {
        if (UserAccounts.CheckPassword(request.NewPassword) is { } rule) return ApiProblems.BadRequest(rule, "new_password");
        var user = await accounts.VerifyAsync(current.Name, request.CurrentPassword ?? "", ct);
        if (user is null) return ApiProblems.BadRequest("current_password is wrong", "current_password");
        await accounts.SetPasswordAsync(user, request.NewPassword!, ct);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login of {User} from {Client} refused: too many failed attempts")]
    private static partial void LogLoginRefused(ILogger logger, string user, string client);
}
