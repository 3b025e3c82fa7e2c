using IgnitionToolkit.Api.Schedules;

namespace IgnitionToolkit.Api.Tests.Schedules;

/// <summary>When schedules run: presets compile to cron, bad timings name their field, and occurrences follow the
/// schedule's zone across daylight-saving changes (a skipped time runs once, a repeated time runs once).</summary>
[Trait("Category", "Unit")]
public sealed class ScheduleTimingTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("minutes", 1, null, null, null, null, "* * * * *")]
    [InlineData("minutes", 15, null, null, null, null, "*/15 * * * *")]
    [InlineData("hours", 1, 5, null, null, null, "5 * * * *")]
    [InlineData("hours", 6, null, null, null, null, "0 */6 * * *")]
    [InlineData("daily", null, null, "02:30", null, null, "30 2 * * *")]
    [InlineData("weekly", null, null, "22:00", "sat,Mon", null, "0 22 * * MON,SAT")]
    [InlineData("monthly", null, null, "1:05", null, 1, "5 1 1 * *")]
    public void Presets_compile_to_cron(string kind, int? every, int? minute, string? at, string? days, int? day, string cron)
    {
        var compiled = ScheduleTiming.Compile(new ScheduleTimingDto(kind, null, every, minute, at, days?.Split(','), day));
        Assert.True(compiled.IsValid, compiled.Error);
        Assert.Equal(cron, compiled.Cron);
    }

    [Theory]
    [InlineData("cron", "61 * * * *", null, null, "timing.cron")]
    [InlineData("cron", "* * *", null, null, "timing.cron")]
    [InlineData("cron", "H 2 * * *", null, null, "timing.cron")]
    [InlineData("cron", "", null, null, "timing.cron")]
    [InlineData("minutes", null, 7, null, "timing.every")]
    [InlineData("hours", null, 5, null, "timing.every")]
    [InlineData("daily", null, null, "25:00", "timing.at")]
    [InlineData("yearly", null, null, null, "timing.kind")]
    public void Bad_timings_name_their_field(string kind, string? cron, int? every, string? at, string field)
    {
        var compiled = ScheduleTiming.Compile(new ScheduleTimingDto(kind, cron, every, null, at));
        Assert.False(compiled.IsValid);
        Assert.Equal(field, compiled.Field);
        Assert.False(string.IsNullOrWhiteSpace(compiled.Error));
    }

    [Fact]
    public void Six_fields_put_seconds_first_and_run_more_often_than_once_a_minute()
    {
        var compiled = ScheduleTiming.Compile(new ScheduleTimingDto("cron", "*/20 * * * * *"));
        Assert.True(compiled.IsValid, compiled.Error);
        Assert.True(compiled.HasSeconds);
        Assert.False(ScheduleTiming.Compile(new ScheduleTimingDto("cron", "*/20 * * * *")).HasSeconds);
        var start = new DateTimeOffset(2026, 12, 7, 8, 0, 5, TimeSpan.Zero);
        Assert.Equal([start.AddSeconds(15), start.AddSeconds(35), start.AddSeconds(55)], ScheduleTiming.Next(compiled.Expression!, TimeZoneInfo.Utc, start, 3));
        Assert.Equal(TimeSpan.FromSeconds(20), ScheduleTiming.ShortestGap(compiled.Expression!, start));
        Assert.Equal(TimeSpan.FromSeconds(10), ScheduleTiming.ShortestGap(Cron("0,10 * * * * *"), start)); // 0, 10, then 50 s later
    }

    [Fact]
    public void A_cron_expression_on_thursdays_is_not_taken_for_jitter() =>
        Assert.True(ScheduleTiming.Compile(new ScheduleTimingDto("cron", "0 8 * * THU")).IsValid);

    [Fact]
    public void A_daily_run_at_a_time_the_clock_skips_runs_once_that_day_right_after_the_change()
    {
        // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT, so 02:30 does not exist that day.
        var next = ScheduleTiming.Next(Cron("30 2 * * *"), NewYork, new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero), 3);
        Assert.Equal([
            new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero),   // 03:00 EDT, once
            new DateTimeOffset(2026, 3, 9, 6, 30, 0, TimeSpan.Zero),  // 02:30 EDT
            new DateTimeOffset(2026, 3, 10, 6, 30, 0, TimeSpan.Zero),
        ], next);
        Assert.Single(next, t => TimeZoneInfo.ConvertTime(t, NewYork).Date == new DateTime(2026, 3, 8));
    }

    [Fact]
    public void A_daily_run_at_a_time_the_clock_repeats_runs_once_that_day()
    {
        // New York, 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:30 happens twice on the clock.
        var next = ScheduleTiming.Next(Cron("30 1 * * *"), NewYork, new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero), 3);
        Assert.Equal([
            new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), // 01:30 EDT, the first one only
            new DateTimeOffset(2026, 11, 2, 6, 30, 0, TimeSpan.Zero), // 01:30 EST
            new DateTimeOffset(2026, 11, 3, 6, 30, 0, TimeSpan.Zero),
        ], next);
    }

    [Fact]
    public void Berlin_spring_forward_skips_0230_to_0300_once_and_keeps_local_times_after()
    {
        var next = ScheduleTiming.Next(Cron("30 2 * * *"), Berlin, new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), 2);
        Assert.Equal([new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero)], next);
        Assert.Equal(new TimeSpan(2, 30, 0), TimeZoneInfo.ConvertTime(next[1], Berlin).TimeOfDay);
    }

    [Fact]
    public void An_interval_keeps_its_pace_through_the_repeated_hour()
    {
        // Every 30 minutes is elapsed time: the repeated Berlin hour (2026-10-25, 02:00-03:00 twice) has its runs twice.
        var from = new DateTimeOffset(2026, 10, 24, 23, 59, 0, TimeSpan.Zero);
        var next = ScheduleTiming.Next(Cron("*/30 * * * *"), Berlin, from, 8);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero).AddMinutes(30 * i)), next);
    }

    [Fact]
    public void Times_are_utc()
    {
        var next = ScheduleTiming.Next(Cron("0 12 * * *"), Berlin, DateTimeOffset.UtcNow, 2);
        Assert.All(next, t => Assert.Equal(TimeSpan.Zero, t.Offset));
    }

    [Fact]
    public void Unknown_zones_are_not_found_and_iana_ones_are()
    {
        Assert.Null(ScheduleTiming.FindZone("Mars/Olympus_Mons"));
        Assert.Null(ScheduleTiming.FindZone(""));
        Assert.NotNull(ScheduleTiming.FindZone("Europe/Berlin"));
        Assert.NotNull(ScheduleTiming.FindZone("UTC"));
    }

    internal static Cronos.CronExpression Cron(string expression) => ScheduleTiming.Parse(expression, "cron").Expression!;
}
