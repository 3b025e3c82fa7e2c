using System.Text;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Executions;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Fleet;

/// <summary><c>GET /api/v1/fleet-runs/{id}/report?format=junit</c>: the fleet run as one JUnit file, one suite per gateway
/// (named by the gateway) with its execution's steps as test cases, written by the one JUnit writer
/// (<see cref="JUnitReportWriter"/>) from each stored execution as <c>/executions/{id}/report</c> reads it. A gateway never
/// started is an empty suite.</summary>
public static class FleetRunReportEndpoints
{
    public static RouteGroupBuilder MapFleetRunReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/fleet-runs/{id:guid}/report", ReportAsync).WithTags("Fleet runs").WithName("DownloadFleetRunReport").RequireViewer();
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportAsync(
        Guid id, string? format, FleetRunQueries fleetRuns, ExecutionQueries executions, CancellationToken ct)
    {
        if ((format ?? ExecutionReportEndpoints.JUnit).Trim().ToLowerInvariant() != ExecutionReportEndpoints.JUnit)
            return ApiProblems.BadRequest($"format must be '{ExecutionReportEndpoints.JUnit}' for a fleet run, got '{format}'", "format");
        var found = await fleetRuns.GetAsync(id, ct);
        if (found.Result is not Ok<FleetRunDto> { Value: { } run }) return (ProblemHttpResult)found.Result;
        var suites = new List<(string, ReportModel)>();
        foreach (var gateway in run.Gateways)
        {
            var detail = gateway.ExecutionId is { } executionId && (await executions.GetAsync(executionId, ct)).Result is Ok<ExecutionDetailDto> { Value: { } d } ? d : null;
            suites.Add((gateway.Gateway, detail is null ? ReportModel.From([], run.PlaybookName) : ReportModel.From(ExecutionReportEndpoints.EventsOf(detail), run.PlaybookName)));
        }
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
            JUnitReportWriter.Build($"{run.PlaybookName} fleet run {run.Id}", suites).Save(writer);
        return TypedResults.File(stream.ToArray(), "application/xml", $"fleet-run-{id}-junit.xml");
    }
}
