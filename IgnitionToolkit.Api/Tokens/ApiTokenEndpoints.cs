using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Tokens;

/// <summary><c>/api/v1/tokens</c> (admin only): list, get, create (the response carries the secret, once) and revoke.
/// Creation and revocation are audited; what a token does is audited under its name (<c>token:&lt;name&gt;</c>).</summary>
public static class ApiTokenEndpoints
{
    public static RouteGroupBuilder MapApiTokenEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("API tokens").RequireAdmin();
        group.MapGet("/", (ApiTokenStore store, CancellationToken ct) => GetListAsync(store, ct)).WithName("ListApiTokens");
        group.MapGet("/{id:guid}", async Task<Results<Ok<ApiTokenDto>, ProblemHttpResult>> (Guid id, ApiTokenStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } token ? TypedResults.Ok(token) : ApiProblems.NotFound($"API token {id} does not exist"))
            .WithName("GetApiToken");
        group.MapPost("/", (CreateApiTokenRequest request, ApiTokenStore store, CurrentUser user, CancellationToken ct) =>
            store.CreateAsync(request, user.Name, ct)).WithName("CreateApiToken")
            .Audited<CreatedApiTokenDto>("api_token.created", "api_token", c => c.Entry with
            {
                TargetId = c.Value.Token.Id.ToString(),
                Detail = $"{c.Value.Token.Name}: {c.Value.Token.Role}, expires {c.Value.Token.ExpiresAt:u}",
            });
        group.MapDelete("/{id:guid}", (Guid id, ApiTokenStore store, CurrentUser user, CancellationToken ct) => store.RevokeAsync(id, user.Name, ct))
            .WithName("RevokeApiToken").Audited("api_token.revoked", "api_token", targetRouteValue: "id");
        return api;
    }

    private static async Task<Ok<List<ApiTokenDto>>> GetListAsync(ApiTokenStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct));
}
