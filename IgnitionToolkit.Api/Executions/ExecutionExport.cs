using System.Text.Json;
using IgnitionToolkit.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Executions;

/// <summary>An execution as one JSON document: summary, start parameters, steps, each step's outputs, the events
/// (log lines in order) and the artifact list. Everything comes from the stored execution, where secrets are already
/// masked (parameters, outputs and messages are masked before they are stored).</summary>
public sealed record ExecutionExportDto(
    string Format, int FormatVersion, DateTimeOffset ExportedAt, string ExportedBy, ExecutionSummaryDto Execution, JsonElement Parameters,
    IReadOnlyList<StepResultDto> Steps, IReadOnlyDictionary<string, JsonElement> Outputs, IReadOnlyList<LogLineDto> Events,
    IReadOnlyList<ArtifactDto> Artifacts, JsonElement? DebugContext)
{
    public const string FormatName = "ignition-toolkit-execution";
}

/// <summary><c>GET /api/v1/executions/{id}/export</c>: the execution as a JSON file.</summary>
public static class ExecutionExportEndpoints
{
    public static RouteGroupBuilder MapExecutionExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/executions/{id:guid}/export", ExportAsync).WithTags("Executions").WithName("ExportExecution").RequireViewer();
        return api;
    }

    private static async Task<Results<Ok<ExecutionExportDto>, ProblemHttpResult>> ExportAsync(
        Guid id, ExecutionQueries queries, CurrentUser user, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (found.Result is not Ok<ExecutionDetailDto> { Value: { } detail }) return (ProblemHttpResult)found.Result;
        var outputs = detail.Steps.Where(s => s.Outputs is { ValueKind: JsonValueKind.Object })
            .GroupBy(s => s.StepPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Outputs!.Value, StringComparer.Ordinal);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"execution-{id}.json\"";
        return TypedResults.Ok(new ExecutionExportDto(ExecutionExportDto.FormatName, 1, clock.GetUtcNow(), user.Name, detail.Execution,
            detail.Parameters, detail.Steps, outputs, detail.Logs, detail.Artifacts, detail.DebugContext));
    }
}
