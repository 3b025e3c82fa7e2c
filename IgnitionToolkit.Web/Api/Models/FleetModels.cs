namespace IgnitionToolkit.Web.Api.Models;

/// <summary>A gateway of the inventory (<c>/api/v1/gateways</c>).</summary>
public sealed record GatewayInfo(
    Guid Id, string Name, string Url, string? Description, IReadOnlyDictionary<string, string>? Tags, string? CredentialName, int? ConcurrencyLimit);

/// <summary>What the gateway form sends (a PUT replaces every field).</summary>
public sealed class GatewayInput
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Tags as typed: <c>site=north, line=3</c>.</summary>
    public string TagsText { get; set; } = "";
    public string? CredentialName { get; set; }
    public int? ConcurrencyLimit { get; set; }

    public static Dictionary<string, string> ParseTags(string text) => text
        .Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
        .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    public static string FormatTags(IReadOnlyDictionary<string, string>? tags) =>
        tags is null ? "" : string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"));
}

public sealed record GatewayImportLineModel(int Line, string Name, string Action, IReadOnlyList<string> Changes);

public sealed record GatewayImportErrorModel(int Line, string Field, string Message);

public sealed record GatewayImportResultModel(
    string FileName, string Format, bool Applied, int New, int Changed, int Unchanged,
    IReadOnlyList<GatewayImportLineModel> Lines, IReadOnlyList<GatewayImportErrorModel> Errors);

public sealed record FleetRunGateway(
    string Gateway, string Url, string Status, Guid? ExecutionId, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    double? DurationMs, string? FailedStep, string? Error);

public sealed record FleetRunCountsModel(int Total, int Waiting, int Active, int Completed, int Failed, int Skipped);

public sealed record FleetRun(
    Guid Id, string PlaybookPath, string PlaybookName, string Status, string? StopReason, int MaxParallel, int? StopAfterFailures,
    string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, FleetRunCountsModel Counts, IReadOnlyList<FleetRunGateway> Gateways)
{
    public bool IsRunning => Status == "running";
}
