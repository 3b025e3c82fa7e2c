namespace IgnitionToolkit.Api.Schedules;

/// <summary><c>Toolkit:Schedules:TickInterval</c> (how often each API instance looks for due schedules; default
/// 15 s) and <c>Toolkit:Schedules:MissedAfter</c> (how late a run may start before it counts as missed; default 5 min).
/// Both hh:mm:ss.</summary>
public sealed record ScheduleOptions(TimeSpan TickInterval, TimeSpan MissedAfter)
{
    public const string TickIntervalKey = "Toolkit:Schedules:TickInterval";
    public const string MissedAfterKey = "Toolkit:Schedules:MissedAfter";
    public static readonly TimeSpan DefaultTickInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultMissedAfter = TimeSpan.FromMinutes(5);

    public static ScheduleOptions From(IConfiguration configuration)
    {
        var tick = Read(configuration, TickIntervalKey, DefaultTickInterval);
        var missed = Read(configuration, MissedAfterKey, DefaultMissedAfter);
        if (tick <= TimeSpan.Zero || tick > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"{TickIntervalKey} must be between 00:00:00.1 and 00:01:00 (hh:mm:ss), got {tick}");
        if (missed < tick)
            throw new InvalidOperationException($"{MissedAfterKey} must be at least {TickIntervalKey} ({tick}), got {missed}");
        return new ScheduleOptions(tick, missed);
    }

    private static TimeSpan Read(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        return TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{key} must be a time span (hh:mm:ss), not '{raw}'");
    }
}
