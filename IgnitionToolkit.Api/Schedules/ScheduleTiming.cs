using System.Globalization;
using Cronos;

namespace IgnitionToolkit.Api.Schedules;

/// <summary>When a schedule runs, as the user gives it: <c>kind</c> is <c>cron</c> (with <c>cron</c>), <c>minutes</c> or
/// <c>hours</c> (with <c>every</c>, hours also <c>minute</c>), <c>daily</c> (with <c>at</c> "HH:mm"), <c>weekly</c> (with
/// <c>days</c> such as ["mon","fri"] and <c>at</c>) or <c>monthly</c> (with <c>day</c> 1-31 and <c>at</c>).</summary>
public sealed record ScheduleTimingDto(string? Kind, string? Cron = null, int? Every = null, int? Minute = null, string? At = null,
    IReadOnlyList<string>? Days = null, int? Day = null);

/// <summary>A timing that compiled, or the field that is wrong and why.</summary>
public sealed record CompiledTiming(string? Cron, CronExpression? Expression, string? Field, string? Error)
{
    public bool IsValid => Expression is not null;

    /// <summary>A 6-field expression (a seconds field first): it may run more often than once a minute.</summary>
    public bool HasSeconds => Cron is { } cron && ScheduleTiming.FieldCount(cron) == 6;
}

/// <summary>
/// Turns presets into 5-field cron expressions and every expression into a Cronos <see cref="CronExpression"/> (an
/// expression may have a sixth, leading seconds field, for checks more often than once a minute): the
/// presets are only a friendlier way to write cron, and Cronos alone parses cron and computes occurrences (also across
/// daylight-saving changes: a time skipped by the clock runs once, right after the change; a repeated time runs once).
/// </summary>
public static class ScheduleTiming
{
    public static readonly IReadOnlyList<string> Kinds = ["cron", "minutes", "hours", "daily", "weekly", "monthly"];
    /// <summary>"Every N" must divide the hour (day) evenly, or cron's reset at the full hour (midnight) would make one gap shorter.</summary>
    public static readonly IReadOnlyList<int> MinuteSteps = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
    public static readonly IReadOnlyList<int> HourSteps = [1, 2, 3, 4, 6, 8, 12];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static CompiledTiming Compile(ScheduleTimingDto? timing)
    {
        if (timing is null) return Bad("timing", "timing is required: a cron expression or a preset (kind: minutes, hours, daily, weekly, monthly)");
        var kind = timing.Kind?.Trim().ToLowerInvariant();
        switch (kind)
        {
            case "cron":
                return Parse(timing.Cron?.Trim(), "timing.cron");
            case "minutes":
                if (timing.Every is not { } m || !MinuteSteps.Contains(m))
                    return Bad("timing.every", $"every must be one of {string.Join(", ", MinuteSteps)} minutes (a divisor of 60); use a cron expression for other patterns");
                return Parse(m == 1 ? "* * * * *" : $"*/{m} * * * *", "timing.every");
            case "hours":
                if (timing.Every is not { } h || !HourSteps.Contains(h))
                    return Bad("timing.every", $"every must be one of {string.Join(", ", HourSteps)} hours (a divisor of 24); use a cron expression for other patterns");
                var minute = timing.Minute ?? 0;
                if (minute is < 0 or > 59) return Bad("timing.minute", "minute must be between 0 and 59");
                return Parse(h == 1 ? $"{minute} * * * *" : $"{minute} */{h} * * *", "timing.every");
            case "daily":
                return TimeOfDay(timing.At) is { } daily ? Parse($"{daily.Minute} {daily.Hour} * * *", "timing.at") : BadTime();
            case "weekly":
                if (TimeOfDay(timing.At) is not { } weekly) return BadTime();
                var days = (timing.Days ?? []).Select(d => d.Trim().ToLowerInvariant()[..Math.Min(3, d.Trim().Length)]).Distinct().ToList();
                if (days.Count == 0 || days.Any(d => !DayNames.Contains(d)))
                    return Bad("timing.days", $"days must list one or more of {string.Join(", ", DayNames)}");
                var list = string.Join(',', days.OrderBy(d => Array.IndexOf(DayNames, d)).Select(d => d.ToUpperInvariant()));
                return Parse($"{weekly.Minute} {weekly.Hour} * * {list}", "timing.days");
            case "monthly":
                if (TimeOfDay(timing.At) is not { } monthly) return BadTime();
                if (timing.Day is not ({ } day and >= 1 and <= 31))
                    return Bad("timing.day", "day must be a day of the month between 1 and 31 (months without that day are skipped)");
                return Parse($"{monthly.Minute} {monthly.Hour} {day} * *", "timing.day");
            default:
                return Bad("timing.kind", $"kind must be one of {string.Join(", ", Kinds)}");
        }
    }

    /// <summary>Parses a standard 5-field expression (minute hour day-of-month month day-of-week), or 6 fields with the
    /// seconds first, with Cronos.</summary>
    public static CompiledTiming Parse(string? cron, string field)
    {
        if (string.IsNullOrWhiteSpace(cron)) return Bad(field, "a cron expression is required, e.g. \"30 2 * * *\" (02:30 every day)");
        var format = FieldCount(cron) == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        // H picks a value per expression instance; every API instance must compute the same times.
        if (cron.ToUpperInvariant().Replace("THU", "", StringComparison.Ordinal).Contains('H', StringComparison.Ordinal))
            return Bad(field, "the H (jitter) character is not supported: write the minute and hour");
        try
        {
            return new CompiledTiming(cron, CronExpression.Parse(cron, format), null, null);
        }
        catch (CronFormatException ex)
        {
            return Bad(field, $"'{cron}' is not a valid cron expression (minute hour day-of-month month day-of-week, or second minute hour day-of-month month day-of-week): {ex.Message}");
        }
    }

    public static int FieldCount(string cron) => cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The shortest time between two of the next occurrences (in UTC), to tell whether the scheduler, looking every
    /// tick, can start each of them.</summary>
    public static TimeSpan ShortestGap(CronExpression cron, DateTimeOffset after, int occurrences = 120)
    {
        var times = Next(cron, TimeZoneInfo.Utc, after, occurrences);
        var shortest = TimeSpan.MaxValue;
        for (var i = 1; i < times.Count; i++)
            if (times[i] - times[i - 1] < shortest) shortest = times[i] - times[i - 1];
        return shortest;
    }

    /// <summary>The IANA (or system) time zone, or null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    /// <summary>The next <paramref name="count"/> occurrences strictly after <paramref name="after"/>, in UTC.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(CronExpression cron, TimeZoneInfo zone, DateTimeOffset after, int count)
    {
        var list = new List<DateTimeOffset>(count);
        var from = after;
        while (list.Count < count && cron.GetNextOccurrence(from, zone) is { } next)
        {
            list.Add(next.ToUniversalTime());
            from = next;
        }
        return list;
    }

    private static (int Hour, int Minute)? TimeOfDay(string? at) =>
        TimeOnly.TryParseExact(at?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour, t.Minute) : null;

    private static CompiledTiming BadTime() => Bad("timing.at", "at must be a time of day as HH:mm (24 hours), e.g. \"02:30\"");

    private static CompiledTiming Bad(string field, string error) => new(null, null, field, error);
}
