using System.Text.Json;
using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Fleet;
using IgnitionToolkit.Api.Playbooks;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>A schedule request checked field by field, ready to store.</summary>
public sealed record ValidSchedule(
    string Name, string? Description, string PlaybookPath, string ParametersJson, string? CredentialName, string TimingJson,
    string Cron, string TimeZone, bool Enabled, string Overlap, string MissedRuns, string? FleetTargetJson);

public static class ScheduleRules
{
    public const int MaxName = 128;
    public const int MaxDescription = 1024;
}

/// <summary>
/// Checks a schedule request with the rules a start request would meet when it fires (the same playbook loading,
/// credential resolution and parameter binding as <see cref="ExecutionStarter"/>), plus what only a stored schedule
/// needs: a valid timing and zone, known policies, and no secret values in the parameters (they would sit in the
/// database in clear: a vault credential is named instead). Every problem names its field.
/// </summary>
public sealed class ScheduleValidator(PlaybookLibrary library, PlaybookValidator validator, ExecutionCredentials credentials, FleetRunCreator fleet,
    ScheduleOptions options, TimeProvider clock)
{
    public async Task<(ValidSchedule? Schedule, ProblemHttpResult? Problem)> ValidateAsync(ScheduleRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ScheduleRules.MaxName || name.Any(char.IsControl))
            return Bad($"name is required: 1-{ScheduleRules.MaxName} characters, no control characters", "name");
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (description?.Length > ScheduleRules.MaxDescription) return Bad($"description is longer than {ScheduleRules.MaxDescription} characters", "description");

        var timing = ScheduleTiming.Compile(request.Timing);
        if (!timing.IsValid) return Bad(timing.Error!, timing.Field);
        // The scheduler looks every tick and starts one occurrence per look: closer runs would be recorded as missed.
        if (timing.HasSeconds && ScheduleTiming.ShortestGap(timing.Expression!, clock.GetUtcNow()) is var gap && gap < 2 * options.TickInterval)
            return Bad($"'{timing.Cron}' runs {gap.TotalSeconds:0.#} s apart; this server looks for due schedules every " +
                $"{options.TickInterval.TotalSeconds:0.#} s ({ScheduleOptions.TickIntervalKey}), so runs must be at least " +
                $"{(2 * options.TickInterval).TotalSeconds:0.#} s apart", "timing.cron");
        var zoneId = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();
        if (ScheduleTiming.FindZone(zoneId) is null)
            return Bad($"time_zone '{zoneId}' is not a known IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)", "time_zone");
        if (!TryPolicy<OverlapPolicy>(request.Overlap, OverlapPolicy.Skip, out var overlap))
            return Bad($"overlap must be one of {Names<OverlapPolicy>()}", "overlap");
        if (!TryPolicy<MissedRunsPolicy>(request.MissedRuns, MissedRunsPolicy.Skip, out var missed))
            return Bad($"missed_runs must be one of {Names<MissedRunsPolicy>()}", "missed_runs");

        var timingJson = JsonSerializer.Serialize(request.Timing, ScheduleMapping.TimingJson);
        if (request.Fleet is { } target)
            return await ValidateFleetAsync(request, target, new ValidSchedule(name, description, "", "{}", null, timingJson, timing.Cron!,
                zoneId, request.Enabled ?? true, overlap.ToWire(), missed.ToWire(), null), ct);

        if (library.TryNormalize(request.Playbook, out var path) is { } pathError) return Bad(pathError, "playbook");
        var loaded = await validator.LoadFileAsync(path, ct);
        if (loaded is null) return Bad($"playbook '{path}' does not exist in the library", "playbook");
        var (yaml, result) = loaded.Value;
        if (!result.IsValid || result.Playbook is null)
            return (null, ApiProblems.Invalid($"playbook '{path}' is invalid ({result.Errors.Count()} error(s))", DiagnosticDto.From(result.Diagnostics)));
        var playbook = result.Playbook;

        var parameters = request.Parameters is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } p ? p : (JsonElement?)null;
        if (parameters is { ValueKind: not JsonValueKind.Object }) return Bad("parameters must be a JSON object", "parameters");
        if (parameters is { } given && SecretValue(playbook, given) is { } secret)
            return Bad($"parameter '{secret}' holds a secret, and a schedule stores its parameters in the database: save it in the credential vault and name the credential (credential_name or a credential parameter)",
                $"parameters.{secret}");
        var credentialName = string.IsNullOrWhiteSpace(request.CredentialName) ? null : request.CredentialName.Trim();
        var prepared = await credentials.PrepareAsync(playbook, yaml, PlaybookBundle.Collect(playbook, library.Source), parameters, credentialName, ct);
        if (prepared.Problem is { } refused) return (null, refused);
        var errors = prepared.Errors.Concat(StartParameters.Bind(playbook, prepared.Parameters).Errors).ToList();
        if (errors.Count > 0) return (null, ApiProblems.Invalid($"parameters do not match playbook '{path}' ({errors.Count} error(s))", errors));

        return (new ValidSchedule(name, description, path, parameters?.GetRawText() ?? "{}", credentialName, timingJson, timing.Cron!,
            zoneId, request.Enabled ?? true, overlap.ToWire(), missed.ToWire(), null), null);
    }

    /// <summary>A schedule that targets a fleet meets the checks of <c>POST /fleet-runs</c> (the fleet run's own, so they
    /// cannot drift apart), with their fields named under <c>fleet.</c>.</summary>
    private async Task<(ValidSchedule?, ProblemHttpResult?)> ValidateFleetAsync(
        ScheduleRequest request, ScheduleFleetTarget target, ValidSchedule partial, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.CredentialName))
            return Bad("a schedule that targets a fleet uses each gateway's credential from the inventory: leave credential_name empty", "credential_name");
        var parameters = request.Parameters is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } p ? p : (JsonElement?)null;
        var (plan, problem) = await fleet.CheckAsync(
            new StartFleetRunRequest(request.Playbook, parameters, target.Selection, target.MaxParallel, target.StopAfterFailures), ct);
        if (problem is not null)
        {
            if (problem.ProblemDetails.Extensions.TryGetValue("field", out var f) && f is string field
                && (field.StartsWith("selection", StringComparison.Ordinal) || field is "max_parallel" or "stop_after_failures"))
                problem.ProblemDetails.Extensions["field"] = $"fleet.{field}";
            return (null, problem);
        }
        var stored = new ScheduleFleetTarget(target.Selection, plan!.MaxParallel, plan.StopAfterFailures);
        return (partial with
        {
            PlaybookPath = plan.PlaybookPath,
            ParametersJson = plan.ParametersJson,
            FleetTargetJson = JsonSerializer.Serialize(stored, ScheduleMapping.TimingJson),
        }, null);
    }

    /// <summary>The first given parameter whose value is a secret: by its name, except parameters of type credential (their
    /// value is the name of a vault credential).</summary>
    private static string? SecretValue(Playbook playbook, JsonElement given) =>
        given.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => SecretNames.IsSecretName(n)
            && playbook.Parameters.FirstOrDefault(x => x.Name == n)?.Type != ParameterType.Credential);

    private static bool TryPolicy<T>(string? wire, T fallback, out T value) where T : struct, Enum
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(wire) || WireNames.TryParse(wire.Trim(), out value);
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => v.ToWire()));

    private static (ValidSchedule?, ProblemHttpResult?) Bad(string detail, string? field) => (null, ApiProblems.BadRequest(detail, field));
}
