using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>Parameter and output schemas shared by the browser steps.</summary>
internal static class PerspectiveParameters
{
    public const string Category = "perspective";

    public static StepParameterSchema Timeout(double seconds) => new("timeout", StepParameterType.Float, Default: seconds,
        Description: "Seconds to wait (for the element, the page or the condition) before failing.");

    public static readonly StepParameterSchema TimeoutMs = new("timeout_ms", StepParameterType.Integer,
        Description: "Same as 'timeout' in milliseconds (v2 browser.* steps; as there, a value under 1000 is seconds); wins over 'timeout' when given.");

    public static readonly StepParameterSchema WaitForSpinner = new("wait_for_spinner", StepParameterType.Boolean, Default: true,
        Description: "Wait until the Perspective loading spinner is gone afterwards.");

    public static readonly StepOutputSchema UrlOutput = new("url", StepParameterType.String, "URL of the page afterwards.");

    public static IReadOnlyList<StepParameterSchema> WithLocator(params StepParameterSchema[] specific) =>
        [.. LocatorSpec.Schemas, .. specific, TimeoutMs];

    public static IReadOnlyList<StepOutputSchema> Outputs(params StepOutputSchema[] specific) => [.. specific, .. FailureCapture.Outputs];

    public static TimeSpan TimeoutOf(StepContext context, double defaultSeconds)
    {
        if (context.Get<long?>("timeout_ms") is { } ms)
        {
            if (ms <= 0) throw new StepParameterException("timeout_ms", "'timeout_ms' must be positive");
            var converted = V2Aliases.ToSeconds(ms, out var asSeconds);
            if (asSeconds) context.Logger.LogStep($"timeout {ms} read as {ms} seconds (v2 browser timeouts under {V2Aliases.SecondsBelow} are seconds)");
            return TimeSpan.FromSeconds(converted);
        }
        var seconds = context.Get<double?>("timeout") ?? defaultSeconds;
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new StepParameterException("timeout", "'timeout' must be positive");
    }

    public static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
