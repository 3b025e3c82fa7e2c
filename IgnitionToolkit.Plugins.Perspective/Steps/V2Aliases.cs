using System.Globalization;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>
/// The v2/v4/v5 <c>browser.*</c> names. Their <c>timeout</c> parameter was in milliseconds, but v5 playbooks also write
/// seconds (<c>timeout: 30</c>): a number under <see cref="SecondsBelow"/> is read as seconds (with a warning at its line),
/// a larger one as milliseconds; templated values move to <c>timeout_ms</c>, where the same rule applies at run time.
/// The other v5 parameters are mapped onto the v3 ones here (one method per alias).
/// </summary>
internal static class V2Aliases
{
    /// <summary>A browser timeout under this is seconds (no one means 30 ms), at or above it milliseconds.</summary>
    public const double SecondsBelow = 1000;

    public static StepTypeAlias Alias(string name, Action<Dictionary<string, object?>>? extra = null,
        Func<IReadOnlyDictionary<string, object?>, IEnumerable<StepAliasNote>>? notes = null,
        IReadOnlyDictionary<string, string>? renamed = null) =>
        new(name, renamed, parameters =>
        {
            var converted = new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
            ConvertTimeout(converted);
            extra?.Invoke(converted);
            return converted;
        })
        {
            Notes = parameters => [.. TimeoutNotes(name, parameters), .. notes?.Invoke(parameters) ?? []],
        };

    /// <summary>Seconds for a v2 browser timeout (the <see cref="SecondsBelow"/> rule); <paramref name="readAsSeconds"/> tells whether it fired.</summary>
    public static double ToSeconds(double value, out bool readAsSeconds)
    {
        readAsSeconds = value > 0 && value < SecondsBelow;
        return readAsSeconds ? value : value / 1000.0;
    }

    private static IEnumerable<StepAliasNote> TimeoutNotes(string name, IReadOnlyDictionary<string, object?> parameters)
    {
        if (parameters.GetValueOrDefault("timeout") is not { } value || Number(value) is not { } number) yield break;
        ToSeconds(number, out var asSeconds);
        if (asSeconds)
            yield return new("timeout", string.Create(CultureInfo.InvariantCulture,
                $"{name} timeouts are milliseconds, but {number} ms is too short to be meant: read as {number} seconds (values under {SecondsBelow} are seconds)"));
    }

    private static void ConvertTimeout(Dictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("timeout", out var value) || value is null) return;
        if (Number(value) is { } number)
        {
            parameters["timeout"] = ToSeconds(number, out _);
            return;
        }
        parameters.Remove("timeout");
        parameters["timeout_ms"] = value; // a template: resolved at run time, read as milliseconds (or seconds under 1000)
    }

    private static double? Number(object value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>browser.navigate: <c>wait_for</c> is v5's other name of <c>wait_until</c>.</summary>
    public static void Navigate(Dictionary<string, object?> parameters)
    {
        if (parameters.Remove("wait_for", out var waitFor) && waitFor is not null) parameters.TryAdd("wait_until", waitFor);
    }

    public static IEnumerable<StepAliasNote> NavigateNotes(IReadOnlyDictionary<string, object?> parameters)
    {
        var field = parameters.ContainsKey("wait_until") ? "wait_until" : "wait_for";
        if (string.Equals(parameters.GetValueOrDefault(field) as string, "networkidle", StringComparison.OrdinalIgnoreCase))
            yield return new(field, "'networkidle' is read as 'load' followed by Perspective's own readiness (loading spinner gone): " +
                "a Perspective page keeps a live connection and never goes network-idle");
    }

    /// <summary>browser.click: a <c>retry_count</c> inside the parameters becomes extra click attempts.</summary>
    public static void Click(Dictionary<string, object?> parameters)
    {
        if (parameters.Remove("retry_count", out var retries) && retries is not null) parameters["retries"] = retries;
    }

    public static void ScreenshotPath(Dictionary<string, object?> parameters)
    {
        if (!parameters.Remove("path", out var path) || path is null) return;
        if (!parameters.ContainsKey("name")) parameters["name"] = path is string text && !text.Contains("{{", StringComparison.Ordinal)
            ? Path.GetFileName(text) : path;
    }

    /// <summary>browser.verify: <c>exists</c>, v5's <c>state</c> (visible, hidden, enabled, disabled) and <c>condition</c> (exists).</summary>
    public static void Verify(Dictionary<string, object?> parameters)
    {
        var state = parameters.Remove("state", out var s) ? s : null;
        var condition = parameters.Remove("condition", out var c) ? c : null;
        if (parameters.Remove("exists", out var exists))
        {
            var expected = exists switch
            {
                bool b => b,
                string text when bool.TryParse(text, out var parsed) => parsed,
                _ => true,
            };
            if (!expected)
            {
                parameters["check"] = "count";
                parameters["expected"] = 0L;
                return;
            }
            parameters["check"] = "exists";
        }
        if (condition is not null) parameters["check"] = Lower(condition, "condition", "exists", "visible", "hidden");
        if (state is not null) parameters["check"] = Lower(state, "state", VerifyState);
    }

    private static readonly string[] VerifyState = ["visible", "hidden", "enabled", "disabled"];

    /// <summary>browser.verify_text: <c>text</c> is the expected text; <c>match</c> exact (default), contains or regex.</summary>
    public static void VerifyText(Dictionary<string, object?> parameters)
    {
        var match = parameters.Remove("match", out var m) && m is not null ? Lower(m, "match", "exact", "contains", "regex") : "exact";
        parameters["expected"] = parameters.Remove("text", out var text) ? text : null;
        parameters["check"] = match switch { "contains" => "text_contains", "regex" => "text_regex", _ => "text_equals" };
    }

    /// <summary>browser.verify_attribute: <c>value</c> is the expected value; no value (or null) means the attribute is absent.</summary>
    public static void VerifyAttribute(Dictionary<string, object?> parameters)
    {
        if (parameters.Remove("value", out var value) && value is not null)
        {
            parameters["check"] = "attribute";
            parameters["expected"] = value;
            return;
        }
        parameters["check"] = "attribute_absent";
    }

    /// <summary>browser.verify_state: <c>state</c> visible, hidden, enabled or disabled.</summary>
    public static void VerifyStateCheck(Dictionary<string, object?> parameters) =>
        parameters["check"] = parameters.Remove("state", out var state) && state is not null ? Lower(state, "state", VerifyState) : "visible";

    private static string Lower(object value, string parameter, params string[] allowed)
    {
        var text = (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim().ToLowerInvariant();
        return allowed.Contains(text) ? text
            : throw new FormatException($"'{parameter}' must be one of {string.Join(", ", allowed)}, not '{value}'");
    }
}
