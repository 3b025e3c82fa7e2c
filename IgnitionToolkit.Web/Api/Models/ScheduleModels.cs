using System.Globalization;
using System.Text.Json;

namespace IgnitionToolkit.Web.Api.Models;

/// <summary>A schedule's timing as the API stores it: a cron expression or a preset (minutes, hours, daily, weekly, monthly).</summary>
public sealed record ScheduleTimingInfo(string? Kind, string? Cron = null, int? Every = null, int? Minute = null, string? At = null,
    IReadOnlyList<string>? Days = null, int? Day = null)
{
    /// <summary>"every 15 minutes", "daily at 02:30", "cron 0 4 * * MON-FRI"...</summary>
    public string Describe(string cron) => Kind switch
    {
        "minutes" => Every == 1 ? "every minute" : $"every {Every} minutes",
        "hours" => (Every == 1 ? "every hour" : $"every {Every} hours") + $" at minute {Minute ?? 0}",
        "daily" => $"daily at {At}",
        "weekly" => $"weekly on {string.Join(", ", Days ?? [])} at {At}",
        "monthly" => $"monthly on day {Day} at {At}",
        _ => $"cron {cron}",
    };
}

public sealed record ScheduleInfo(
    Guid Id, string Name, string? Description, string Playbook, JsonElement Parameters, string? CredentialName,
    ScheduleTimingInfo Timing, string Cron, string TimeZone, bool Enabled, string Overlap, string MissedRuns,
    DateTimeOffset? NextRunAt, DateTimeOffset? LastDueAt, string? LastOutcome,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy, ScheduleFleetTargetInfo? Fleet = null);

/// <summary>A schedule's fleet target: each run is a fleet run over these gateways.</summary>
public sealed record ScheduleFleetTargetInfo(FleetSelectionInfo? Selection, int? MaxParallel, int? StopAfterFailures)
{
    /// <summary>"gateways gw-1, gw-2 · tags site=north · 5 at a time".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Selection?.Gateways is { Count: > 0 } names) parts.Add("gateways " + string.Join(", ", names));
        if (Selection?.Tags is { Count: > 0 } tags) parts.Add("tags " + GatewayInput.FormatTags(tags));
        parts.Add($"{MaxParallel ?? 5} at a time");
        if (StopAfterFailures is { } stop) parts.Add($"stop after {stop} failure(s)");
        return string.Join(" · ", parts);
    }
}

public sealed record FleetSelectionInfo(IReadOnlyList<string>? Gateways, IReadOnlyDictionary<string, string>? Tags);

public sealed record ScheduleRun(
    DateTimeOffset DueAt, string State, string? Detail, Guid? ExecutionId, string? ExecutionStatus, DateTimeOffset RecordedAt,
    Guid? FleetRunId = null, string? FleetRunStatus = null);

/// <summary>What the schedule form edits and sends (a PUT replaces the whole schedule).</summary>
public sealed class ScheduleInput
{
    public static readonly string[] Kinds = ["minutes", "hours", "daily", "weekly", "monthly", "cron"];
    public static readonly int[] MinuteSteps = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
    public static readonly int[] HourSteps = [1, 2, 3, 4, 6, 8, 12];
    public static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Playbook { get; set; }
    public string ParametersJson { get; set; } = "{}";
    public string? CredentialName { get; set; }
    public string Kind { get; set; } = "daily";
    public string? Cron { get; set; }
    public int Every { get; set; } = 15;
    public int Minute { get; set; }
    public string At { get; set; } = "02:00";
    public IReadOnlyCollection<string> Days { get; set; } = ["mon"];
    public int Day { get; set; } = 1;
    public string TimeZone { get; set; } = "UTC";
    public bool Enabled { get; set; } = true;
    public string Overlap { get; set; } = "skip";
    public string MissedRuns { get; set; } = "skip";
    /// <summary>Each run is a fleet run over the gateways below instead of one execution.</summary>
    public bool FleetTarget { get; set; }
    /// <summary>Gateway names as typed: <c>gw-1, gw-2</c>.</summary>
    public string FleetGateways { get; set; } = "";
    /// <summary>Tags as typed: <c>site=north, line=3</c>.</summary>
    public string FleetTags { get; set; } = "";
    public int FleetMaxParallel { get; set; } = 5;
    public int? FleetStopAfterFailures { get; set; }

    public static ScheduleInput From(ScheduleInfo s) => new()
    {
        Id = s.Id, Name = s.Name, Description = s.Description, Playbook = s.Playbook,
        ParametersJson = JsonSerializer.Serialize(s.Parameters), CredentialName = s.CredentialName,
        Kind = s.Timing.Kind ?? "cron", Cron = s.Cron, Every = s.Timing.Every ?? 15, Minute = s.Timing.Minute ?? 0,
        At = s.Timing.At ?? "02:00", Days = s.Timing.Days?.ToList() ?? ["mon"], Day = s.Timing.Day ?? 1,
        TimeZone = s.TimeZone, Enabled = s.Enabled, Overlap = s.Overlap, MissedRuns = s.MissedRuns,
        FleetTarget = s.Fleet is not null, FleetGateways = string.Join(", ", s.Fleet?.Selection?.Gateways ?? []),
        FleetTags = GatewayInput.FormatTags(s.Fleet?.Selection?.Tags), FleetMaxParallel = s.Fleet?.MaxParallel ?? 5,
        FleetStopAfterFailures = s.Fleet?.StopAfterFailures,
    };

    /// <summary>The request body; null with a message when the parameters are not a JSON object.</summary>
    public (Dictionary<string, object?>? Body, string? Error) ToBody()
    {
        JsonElement parameters;
        try
        {
            parameters = JsonDocument.Parse(string.IsNullOrWhiteSpace(ParametersJson) ? "{}" : ParametersJson).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, "Parameters are not valid JSON: " + ex.Message);
        }
        object timing = Kind switch
        {
            "minutes" => new { kind = Kind, every = Every },
            "hours" => new { kind = Kind, every = Every, minute = Minute },
            "daily" => new { kind = Kind, at = At },
            "weekly" => new { kind = Kind, at = At, days = Days.ToArray() },
            "monthly" => new { kind = Kind, at = At, day = Day },
            _ => new { kind = "cron", cron = Cron },
        };
        return (new Dictionary<string, object?>
        {
            ["name"] = Name, ["description"] = Description, ["playbook"] = Playbook, ["parameters"] = parameters,
            ["credential_name"] = FleetTarget || string.IsNullOrWhiteSpace(CredentialName) ? null : CredentialName, ["timing"] = timing,
            ["time_zone"] = TimeZone, ["enabled"] = Enabled, ["overlap"] = Overlap, ["missed_runs"] = MissedRuns,
            ["fleet"] = FleetTarget ? FleetBody() : null,
        }, null);
    }

    private object FleetBody()
    {
        var names = FleetGateways.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new
        {
            selection = new { gateways = names, tags = GatewayInput.ParseTags(FleetTags) },
            max_parallel = FleetMaxParallel, stop_after_failures = FleetStopAfterFailures,
        };
    }

    /// <summary>A time in <paramref name="zone"/> as the schedules page shows it.</summary>
    public static string Show(DateTimeOffset? time, TimeZoneInfo zone) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";
}

/// <summary>Answer of <c>POST /api/v1/schedules/{id}/run-now</c>: started (with its execution or fleet run) or queued.</summary>
public sealed record ScheduleRunNow(Guid ScheduleId, string ScheduleName, string State, Guid? ExecutionId, Guid? FleetRunId, string? Detail);
