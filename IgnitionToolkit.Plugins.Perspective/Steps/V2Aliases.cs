using System.Globalization;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>
/// The v2 <c>browser.*</c> names. Their <c>timeout</c> parameter was in milliseconds: numbers are converted to
/// seconds, templated values move to <c>timeout_ms</c>. <c>browser.screenshot</c>'s <c>path</c> becomes the artifact
/// <c>name</c>; <c>browser.verify</c>'s <c>exists: false</c> becomes a count of 0.
/// </summary>
internal static class V2Aliases
{
    public static StepTypeAlias Alias(string name, Action<Dictionary<string, object?>>? extra = null) =>
        new(name, Transform: parameters =>
        {
            var converted = new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
            ConvertTimeout(converted);
            extra?.Invoke(converted);
            return converted;
        });

    private static void ConvertTimeout(Dictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("timeout", out var value) || value is null) return;
        if (Milliseconds(value) is { } ms)
        {
            parameters["timeout"] = ms / 1000.0;
            return;
        }
        parameters.Remove("timeout");
        parameters["timeout_ms"] = value; // a template: resolved at run time, read as milliseconds
    }

    private static double? Milliseconds(object value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static void ScreenshotPath(Dictionary<string, object?> parameters)
    {
        if (!parameters.Remove("path", out var path) || path is null) return;
        if (!parameters.ContainsKey("name")) parameters["name"] = path is string text && !text.Contains("{{", StringComparison.Ordinal)
            ? Path.GetFileName(text) : path;
    }

    public static void VerifyExists(Dictionary<string, object?> parameters)
    {
        if (!parameters.Remove("exists", out var exists)) return;
        var expected = exists switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            _ => true,
        };
        if (expected)
        {
            parameters["check"] = "exists";
            return;
        }
        parameters["check"] = "count";
        parameters["expected"] = 0L;
    }
}
