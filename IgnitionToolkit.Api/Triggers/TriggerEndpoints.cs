using IgnitionToolkit.Api.Audit;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Triggers;

/// <summary><c>/api/v1/triggers</c>: list, get, create (the response carries the secret, once), replace, delete and
/// new secret for admins, all audited; and <c>POST /api/v1/triggers/{id}</c>, open to anyone holding the trigger's
/// secret (<see cref="TriggerFiring"/>), rate-limited per trigger (<see cref="TriggerOptions"/>).</summary>
public static class TriggerEndpoints
{
    public static RouteGroupBuilder MapTriggerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/triggers").WithTags("Triggers");
        group.MapPost("/{id:guid}", (Guid id, HttpRequest request, TriggerFiring firing, CancellationToken ct) => firing.FireAsync(id, request, ct))
            .WithName("FireTrigger").AllowAnonymous() // authorised by the trigger's secret or body signature
            .RequireRateLimiting(TriggerOptions.RateLimitPolicy)
            .NotAudited("writes execution.started (by trigger:<name>) and trigger.refused itself"); // any content type: the raw body is read as JSON

        var admin = group.MapGroup("").RequireAdmin();
        admin.MapGet("/", (TriggerStore store, CancellationToken ct) => ListAsync(store, ct)).WithName("ListTriggers");
        admin.MapGet("/{id:guid}", async Task<Results<Ok<TriggerDto>, ProblemHttpResult>> (Guid id, TriggerStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } t ? TypedResults.Ok(TriggerStore.ToDto(t)) : NotFound(id)).WithName("GetTrigger");
        admin.MapPost("/", CreateAsync).WithName("CreateTrigger")
            .Audited<TriggerWithSecretDto>("trigger.created", "trigger", c => c.Entry with { TargetId = c.Value.Trigger.Id.ToString(), Detail = Describe(c.Value.Trigger) });
        admin.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTrigger")
            .Audited<TriggerDto>("trigger.changed", "trigger", c => c.Entry with { Detail = Describe(c.Value) }, targetRouteValue: "id");
        admin.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTrigger").Audited("trigger.deleted", "trigger", targetRouteValue: "id");
        admin.MapPost("/{id:guid}/secret", NewSecretAsync).WithName("NewTriggerSecret").Audited("trigger.secret_changed", "trigger", targetRouteValue: "id");
        return api;
    }

    private static async Task<Ok<List<TriggerDto>>> ListAsync(TriggerStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct));

    private static async Task<Results<Created<TriggerWithSecretDto>, ProblemHttpResult>> CreateAsync(
        TriggerRequest request, TriggerStore store, CurrentUser user, CancellationToken ct)
    {
        var (record, secret, problem) = await store.SaveAsync(null, request, user.Name, ct);
        if (problem is not null) return problem;
        return TypedResults.Created($"/api/v1/triggers/{record!.Id}", new TriggerWithSecretDto(TriggerStore.ToDto(record), secret!));
    }

    private static async Task<Results<Ok<TriggerDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, TriggerRequest request, TriggerStore store, CurrentUser user, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } existing) return NotFound(id);
        var (record, _, problem) = await store.SaveAsync(existing, request, user.Name, ct);
        return problem is not null ? problem : TypedResults.Ok(TriggerStore.ToDto(record!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, TriggerStore store, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } existing) return NotFound(id);
        await store.DeleteAsync(existing, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TriggerWithSecretDto>, ProblemHttpResult>> NewSecretAsync(Guid id, TriggerStore store, CurrentUser user, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } existing) return NotFound(id);
        var (secret, problem) = await store.NewSecretAsync(existing, user.Name, ct);
        return problem is not null ? problem : TypedResults.Ok(new TriggerWithSecretDto(TriggerStore.ToDto(existing), secret!));
    }

    private static string Describe(TriggerDto t) => $"{t.Name}: {t.Playbook}, {(t.Enabled ? "enabled" : "disabled")}";

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound($"trigger {id} does not exist");
}
