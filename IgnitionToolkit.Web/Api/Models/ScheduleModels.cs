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
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt, string? UpdatedBy);

public sealed record ScheduleRun(DateTimeOffset DueAt, string State, string? Detail, Guid? ExecutionId, string? ExecutionStatus, DateTimeOffset RecordedAt);

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

    public static ScheduleInput From(ScheduleInfo s) => new()
    {
        Id = s.Id, Name = s.Name, Description = s.Description, Playbook = s.Playbook,
        ParametersJson = JsonSerializer.Serialize(s.Parameters), CredentialName = s.CredentialName,
        Kind = s.Timing.Kind ?? "cron", Cron = s.Cron, Every = s.Timing.Every ?? 15, Minute = s.Timing.Minute ?? 0,
        At = s.Timing.At ?? "02:00", Days = s.Timing.Days?.ToList() ?? ["mon"], Day = s.Timing.Day ?? 1,
        TimeZone = s.TimeZone, Enabled = s.Enabled, Overlap = s.Overlap, MissedRuns = s.MissedRuns,
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
            ["credential_name"] = string.IsNullOrWhiteSpace(CredentialName) ? null : CredentialName, ["timing"] = timing,
            ["time_zone"] = TimeZone, ["enabled"] = Enabled, ["overlap"] = Overlap, ["missed_runs"] = MissedRuns,
        }, null);
    }

    /// <summary>A time in <paramref name="zone"/> as the schedules page shows it.</summary>
    public static string Show(DateTimeOffset? time, TimeZoneInfo zone) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";
}
