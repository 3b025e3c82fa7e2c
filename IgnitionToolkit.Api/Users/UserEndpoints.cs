using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Users;

/// <summary><c>/api/v1/users</c> (admin only): list, get, create with a role, change role / reset password, delete.
/// The last admin can be neither demoted nor deleted.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAdmin();
        group.MapGet("/", async (UserAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok((await accounts.ListAsync(ct)).Select(UserMapping.ToDto).ToList())).WithName("ListUsers");
        group.MapGet("/{userName}", GetAsync).WithName("GetUser");
        group.MapPost("/", CreateAsync).WithName("CreateUser")
            .Audited<UserDto>("user.created", "user", c => c.Entry with { TargetId = c.Value.Username, Detail = Detail(c.Argument<UserRequest>()) });
        group.MapPut("/{userName}", UpdateAsync).WithName("UpdateUser")
            .Audited<UserDto>("user.changed", "user", c => c.Entry with { Detail = Detail(c.Argument<UserRequest>()) }, targetRouteValue: "userName");
        group.MapDelete("/{userName}", DeleteAsync).WithName("DeleteUser").Audited("user.deleted", "user", targetRouteValue: "userName");
        return api;
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(string userName, UserAccounts accounts, CancellationToken ct) =>
        await accounts.FindAsync(userName, ct) is { } user ? TypedResults.Ok(UserMapping.ToDto(user)) : NotFound(userName);

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(UserRequest request, UserAccounts accounts, CancellationToken ct)
    {
        if (!UserNames.IsValid(request.Username)) return ApiProblems.BadRequest($"username {UserNames.Rule}", "username");
        if (!Roles.IsValid(request.Role)) return ApiProblems.BadRequest($"role must be one of: {string.Join(", ", Roles.All)}", "role");
        if (UserAccounts.CheckPassword(request.Password) is { } rule) return ApiProblems.BadRequest(rule, "password");
        if (await accounts.FindAsync(request.Username!, ct) is not null) return ApiProblems.Conflict($"user '{UserNames.Normalize(request.Username!)}' already exists");
        try
        {
            var user = await accounts.CreateAsync(request.Username!, request.Password!, request.Role!, ct);
            return TypedResults.Created($"/api/v1/users/{user.UserName}", UserMapping.ToDto(user));
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"user '{UserNames.Normalize(request.Username!)}' already exists");
        }
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateAsync(
        string userName, UserRequest request, UserAccounts accounts, CancellationToken ct)
    {
        var user = await accounts.FindAsync(userName, ct);
        if (user is null) return NotFound(userName);
        if (request.Username is not null && UserNames.Normalize(request.Username) != user.UserName)
            return ApiProblems.BadRequest("a user name cannot change; create a new user", "username");
        if (request.Role is not null && !Roles.IsValid(request.Role)) return ApiProblems.BadRequest($"role must be one of: {string.Join(", ", Roles.All)}", "role");
        if (request.Password is not null && UserAccounts.CheckPassword(request.Password) is { } rule) return ApiProblems.BadRequest(rule, "password");
        if (request.Role is not null && request.Role != user.Role)
        {
            if (user.Role == Roles.Admin && await accounts.CountAdminsAsync(ct) <= 1)
                return ApiProblems.Conflict($"'{user.UserName}' is the last admin; make another user admin first");
            await accounts.SetRoleAsync(user, request.Role, ct);
        }
        if (request.Password is not null) await accounts.SetPasswordAsync(user, request.Password, ct);
        return TypedResults.Ok(UserMapping.ToDto(user));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string userName, UserAccounts accounts, CancellationToken ct)
    {
        var user = await accounts.FindAsync(userName, ct);
        if (user is null) return NotFound(userName);
        if (user.Role == Roles.Admin && await accounts.CountAdminsAsync(ct) <= 1)
            return ApiProblems.Conflict($"'{user.UserName}' is the last admin and cannot be deleted");
        await accounts.DeleteAsync(user, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The audit detail of a user change: which role was given and whether a password was set (never the password).</summary>
    private static string? Detail(UserRequest? request) => request is null ? null
        : string.Join(", ", new[] { request.Role is null ? null : $"role {request.Role}", request.Password is null ? null : "password set" }.Where(s => s is not null));

    private static ProblemHttpResult NotFound(string userName) => ApiProblems.NotFound($"user '{userName}' does not exist");
}
