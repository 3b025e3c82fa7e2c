using System.Text;
using System.Text.Json;
using IgnitionToolkit.Api.Artifacts;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Api.Problems;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IgnitionToolkit.Api.Executions;

/// <summary><c>GET /api/v1/executions/{id}/report?format=junit|html</c>: the execution's report as a file, written by the
/// same writers as the command line's <c>--junit</c> and <c>--report</c> (<see cref="JUnitReportWriter"/>,
/// <see cref="HtmlReportWriter"/>) from the stored execution (steps, logs, artifacts — secrets already masked as stored).
/// Screenshots are read from the execution's artifact folder by plain file name only.</summary>
public static class ExecutionReportEndpoints
{
    public const string JUnit = "junit";
    public const string Html = "html";

    public static RouteGroupBuilder MapExecutionReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/executions/{id:guid}/report", ReportAsync).WithTags("Executions").WithName("DownloadExecutionReport").RequireViewer();
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportAsync(
        Guid id, string? format, ExecutionQueries queries, ArtifactFiles files, CancellationToken ct)
    {
        var kind = (format ?? JUnit).Trim().ToLowerInvariant();
        if (kind is not (JUnit or Html)) return ApiProblems.BadRequest($"format must be '{JUnit}' or '{Html}', got '{format}'", "format");
        var found = await queries.GetAsync(id, ct);
        if (found.Result is not Ok<ExecutionDetailDto> { Value: { } detail }) return (ProblemHttpResult)found.Result;
        var report = ReportModel.From(EventsOf(detail), detail.Execution.PlaybookName);
        if (kind == JUnit)
        {
            using var stream = new MemoryStream();
            using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
                JUnitReportWriter.Build(report).Save(writer);
            return TypedResults.File(stream.ToArray(), "application/xml", $"execution-{id}-junit.xml");
        }
        var html = HtmlReportWriter.Build(report, artifact => Read(files, id, artifact.Name));
        return TypedResults.File(new UTF8Encoding(false).GetBytes(html), "text/html", $"execution-{id}-report.html");
    }

    private static byte[]? Read(ArtifactFiles files, Guid id, string name) =>
        files.FileOf(id, name) is { } file && File.Exists(file) && new FileInfo(file).Length <= HtmlReportWriter.MaxInlineImageBytes
            ? File.ReadAllBytes(file)
            : null;

    /// <summary>The stored execution as the events that produced it: start, each step's start and finish (in the order they
    /// first ran), logs and artifacts by sequence, and the finish when the execution ended.</summary>
    public static IEnumerable<ExecutionEvent> EventsOf(ExecutionDetailDto detail)
    {
        var execution = detail.Execution;
        var started = execution.StartedAt ?? execution.CreatedAt;
        yield return new ExecutionStartedEvent(started, execution.PlaybookName, execution.StepCount ?? detail.Steps.Count);
        var steps = detail.Steps.GroupBy(s => s.StepPath, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        foreach (var step in steps.Where(s => s.StartedAt is not null))
            yield return new StepStartedEvent(step.StartedAt!.Value, step.StepPath, step.ParentPath, step.StepId, step.Name, step.Type,
                step.Attempt, new Dictionary<string, object?>());
        foreach (var log in detail.Logs) yield return new LogEvent(log.Timestamp, log.StepPath, log.Level, log.Message);
        foreach (var artifact in detail.Artifacts)
            yield return new ArtifactSavedEvent(artifact.CreatedAt, artifact.StepPath, artifact.Name, artifact.ContentType, artifact.Size, artifact.Sha256, artifact.Name);
        foreach (var step in steps)
        {
            var status = WireNames.Parse<StepStatus>(step.Status);
            if (status is StepStatus.Pending or StepStatus.Running) continue;
            var finished = step.FinishedAt ?? step.StartedAt ?? started;
            yield return new StepFinishedEvent(finished, step.StepPath, step.ParentPath, step.StepId, status, Outputs(step.Outputs), step.Error,
                TimeSpan.FromMilliseconds(step.DurationMs ?? 0), step.Attempt);
        }
        var final = WireNames.Parse<ExecutionStatus>(execution.Status);
        if (execution.FinishedAt is { } end && final is not (ExecutionStatus.Pending or ExecutionStatus.Running or ExecutionStatus.Paused))
            yield return new ExecutionFinishedEvent(end, final, execution.Error, end - started);
    }

    private static IReadOnlyDictionary<string, object?> Outputs(JsonElement? outputs) =>
        outputs is { ValueKind: JsonValueKind.Object } element
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, object?>();
}
