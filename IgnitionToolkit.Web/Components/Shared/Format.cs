using System.Globalization;

namespace IgnitionToolkit.Web.Components.Shared;

/// <summary>How times and durations are shown.</summary>
public static class Format
{
    public static string Time(DateTimeOffset? time) =>
        time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "–";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "–",
        { TotalSeconds: < 1 } d => $"{d.TotalMilliseconds:0} ms",
        { TotalMinutes: < 1 } d => $"{d.TotalSeconds:0.0} s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        var d => $"{(int)d.Value.TotalHours} h {d.Value.Minutes} min",
    };

    public static string Duration(double? milliseconds) => milliseconds is { } ms ? Duration(TimeSpan.FromMilliseconds(ms)) : "–";

    public static string Json(System.Text.Json.JsonElement? value) =>
        value is { } v ? System.Text.Json.JsonSerializer.Serialize(v, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : "";
}
