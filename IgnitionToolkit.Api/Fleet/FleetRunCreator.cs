using System.Text.Json;
using IgnitionToolkit.Api.Gateways;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Fleet;

/// <summary>Checks a fleet run request and stores the run with a <c>waiting</c> row per selected gateway. It starts
/// nothing itself: the <see cref="FleetRunDriver"/> does, so that one place enforces the limits.</summary>
public sealed class FleetRunCreator(
    ToolkitDbContext db, PlaybookLibrary library, PlaybookValidator validator, FleetRunDriver driver, TimeProvider clock)
{
    public const int DefaultMaxParallel = 5;
    public const int MaxMaxParallel = 100;
    public const string GatewayUrlParameter = "gateway_url";

    /// <summary>Checks and stores a run (in the context's one save, with whatever else the caller has pending there).</summary>
    /// <param name="origin">Set when a schedule starts the run: the run's id is chosen by the caller and it records the schedule.</param>
    public async Task<Results<Accepted<FleetRunDto>, ProblemHttpResult>> CreateAsync(
        StartFleetRunRequest request, string startedBy, CancellationToken ct, FleetRunOrigin? origin = null)
    {
        var (plan, problem) = await CheckAsync(request, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        var run = new FleetRunRecord
        {
            Id = origin?.RunId ?? Guid.NewGuid(), PlaybookPath = plan!.PlaybookPath, PlaybookName = plan.PlaybookName, Status = FleetStatuses.Running,
            ParametersJson = plan.ParametersJson, SelectionJson = plan.SelectionJson, MaxParallel = plan.MaxParallel,
            StopAfterFailures = plan.StopAfterFailures, StartedBy = startedBy, CreatedAt = now, ScheduleId = origin?.ScheduleId,
        };
        db.Set<FleetRunRecord>().Add(run);
        var order = 0;
        foreach (var gateway in plan.Gateways)
        {
            db.Set<FleetRunGatewayRecord>().Add(new FleetRunGatewayRecord
            {
                Id = Guid.NewGuid(), FleetRunId = run.Id, Order = order++, GatewayId = gateway.Id, GatewayName = gateway.Name,
                GatewayUrl = gateway.Url, CredentialName = gateway.CredentialName, ConcurrencyLimit = gateway.ConcurrencyLimit,
                Status = FleetStatuses.Waiting,
            });
        }
        await db.SaveChangesAsync(ct);
        driver.Nudge();
        var dto = await FleetRunQueries.ToDtoAsync(db, run, ct);
        return TypedResults.Accepted($"/api/v1/fleet-runs/{run.Id}", dto);
    }

    /// <summary>Every check a run request meets (also when a schedule targeting a fleet is saved), without storing anything.</summary>
    public async Task<(FleetRunPlan? Plan, ProblemHttpResult? Problem)> CheckAsync(StartFleetRunRequest request, CancellationToken ct)
    {
        if (library.TryNormalize(request.Playbook, out var path) is { } pathError) return (null, ApiProblems.BadRequest(pathError, "playbook"));
        var loaded = await validator.LoadFileAsync(path, ct);
        if (loaded is null) return (null, ApiProblems.NotFound($"playbook '{path}' does not exist in the library"));
        var playbook = loaded.Value.Result.Playbook;
        if (!loaded.Value.Result.IsValid || playbook is null)
            return (null, ApiProblems.Invalid($"playbook '{path}' is invalid", DiagnosticDto.From(loaded.Value.Result.Diagnostics)));
        if (PlaybookDtoMapping.IsDisabled(playbook.Metadata)) return (null, ApiProblems.Conflict($"playbook '{path}' is disabled (metadata.enabled: false)"));
        if (playbook.Parameters.All(p => p.Name != GatewayUrlParameter))
            return (null, ApiProblems.BadRequest($"playbook '{path}' declares no '{GatewayUrlParameter}' parameter: a fleet run fills it with each gateway's URL", "playbook"));

        var maxParallel = request.MaxParallel ?? DefaultMaxParallel;
        if (maxParallel < 1 || maxParallel > MaxMaxParallel) return (null, ApiProblems.BadRequest($"max_parallel must be between 1 and {MaxMaxParallel}", "max_parallel"));
        if (request.StopAfterFailures is < 1) return (null, ApiProblems.BadRequest("stop_after_failures must be 1 or more (or empty: never stop)", "stop_after_failures"));
        if (CheckParameters(request.Parameters, playbook.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal)) is { } parameterProblem)
            return (null, parameterProblem);

        var selection = request.Selection ?? new FleetSelection();
        if (selection.IsEmpty) return (null, ApiProblems.BadRequest("selection needs gateway names (selection.gateways) and/or tags (selection.tags)", "selection"));
        var (matched, unknown) = selection.Apply(await db.Set<GatewayRecord>().AsNoTracking().ToListAsync(ct));
        if (unknown.Count > 0) return (null, ApiProblems.BadRequest($"unknown gateway(s): {string.Join(", ", unknown)}", "selection.gateways"));
        if (matched.Count == 0) return (null, ApiProblems.BadRequest("no gateway of the inventory matches the selection", "selection"));

        return (new FleetRunPlan(path, playbook.Name, request.Parameters is { ValueKind: JsonValueKind.Object } p ? p.GetRawText() : "{}",
            JsonSerializer.Serialize(new { gateways = selection.Gateways ?? [], tags = selection.Tags ?? new Dictionary<string, string>() }),
            maxParallel, request.StopAfterFailures, matched), null);
    }

    /// <summary>A JSON object of declared parameters, without <c>gateway_url</c> and without secrets (a fleet run keeps its
    /// parameters until its last gateway starts, and secrets are never stored in clear).</summary>
    private static ProblemHttpResult? CheckParameters(JsonElement? parameters, HashSet<string> declared)
    {
        if (parameters is not { } given || given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (given.ValueKind != JsonValueKind.Object) return ApiProblems.BadRequest("parameters must be a JSON object", "parameters");
        foreach (var property in given.EnumerateObject())
        {
            var field = $"parameters.{property.Name}";
            if (property.Name == GatewayUrlParameter)
                return ApiProblems.BadRequest($"{GatewayUrlParameter} is filled from each gateway of the inventory; do not give it", field);
            if (SecretNames.IsSecretName(property.Name))
                return ApiProblems.BadRequest($"'{property.Name}' looks like a secret: a fleet run takes secrets from each gateway's vault credential, never as a parameter", field);
            if (!declared.Contains(property.Name))
                return ApiProblems.BadRequest($"unknown parameter '{property.Name}'; the playbook declares: {string.Join(", ", declared)}", field);
        }
        return null;
    }
}

/// <summary>A checked fleet run request: what <see cref="FleetRunCreator"/> stores.</summary>
public sealed record FleetRunPlan(
    string PlaybookPath, string PlaybookName, string ParametersJson, string SelectionJson, int MaxParallel, int? StopAfterFailures,
    IReadOnlyList<GatewayRecord> Gateways);

/// <summary>A fleet run started by a schedule: the id the schedule's claim already names, and the schedule.</summary>
public sealed record FleetRunOrigin(Guid RunId, Guid ScheduleId);
