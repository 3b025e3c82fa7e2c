using System.Globalization;
using System.Text.RegularExpressions;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>One condition of <c>perspective.verify</c>, evaluated against the page until it holds or time runs out.</summary>
internal sealed record VerifyCheck(string Kind, string? Expected, string? Attribute)
{
    public static readonly string[] Kinds =
        ["exists", "visible", "hidden", "enabled", "disabled", "text_equals", "text_contains", "text_regex", "attribute", "attribute_absent", "count"];

    public static VerifyCheck From(StepContext context)
    {
        var kind = context.Get<string>("check") ?? "visible";
        var expected = context.Parameters.GetValueOrDefault("expected") is { } value
            ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        var attribute = context.Get<string>("attribute");
        if (kind is "text_equals" or "text_contains" or "text_regex" or "count" && expected is null)
            throw new StepParameterException("expected", $"check '{kind}' needs 'expected'");
        if (kind is "attribute" or "attribute_absent" && string.IsNullOrWhiteSpace(attribute))
            throw new StepParameterException("attribute", $"check '{kind}' needs 'attribute' (its name)" + (kind == "attribute" ? " and optionally 'expected' (its value)" : ""));
        if (kind == "text_regex") Pattern(expected!);
        if (kind == "count" && !int.TryParse(expected, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            throw new StepParameterException("expected", $"check 'count' needs a whole number in 'expected', not '{expected}'");
        return new VerifyCheck(kind, expected, attribute);
    }

    /// <summary>Whether the condition holds now, and what was seen.</summary>
    public async Task<(bool Holds, string Actual)> EvaluateAsync(ILocator all)
    {
        var first = all.First;
        switch (Kind)
        {
            case "exists":
                var present = await all.CountAsync();
                return (present > 0, $"{present} elements");
            case "visible":
                return await first.IsVisibleAsync() ? (true, "visible") : (false, await all.CountAsync() == 0 ? "not found" : "present but not visible");
            case "hidden":
                return await first.IsVisibleAsync() ? (false, "visible") : (true, "hidden");
            case "enabled" or "disabled":
                if (await all.CountAsync() == 0) return (false, "not found");
                var enabled = await first.IsEnabledAsync(new() { Timeout = 1000 });
                return (enabled == (Kind == "enabled"), enabled ? "enabled" : "disabled");
            case "count":
                var count = await all.CountAsync();
                return (count == int.Parse(Expected!, CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture));
            case "attribute" or "attribute_absent":
                if (await all.CountAsync() == 0) return (false, "not found");
                var value = await first.GetAttributeAsync(Attribute!, new() { Timeout = 1000 });
                var seen = value is null ? "no such attribute" : $"'{value}'";
                return Kind == "attribute_absent" ? (value is null, seen) : (value is not null && (Expected is null || value == Expected), seen);
            default:
                if (await all.CountAsync() == 0) return (false, "not found");
                var text = Normalize(await first.InnerTextAsync(new() { Timeout = 1000 }));
                var holds = Kind switch
                {
                    "text_equals" => text == Normalize(Expected!),
                    "text_regex" => Pattern(Expected!).IsMatch(text),
                    _ => text.Contains(Normalize(Expected!), StringComparison.Ordinal),
                };
                return (holds, $"'{text}'");
        }
    }

    public string Describe(string locator) => Kind switch
    {
        "exists" => $"{locator} to exist",
        "visible" => $"{locator} to be visible",
        "hidden" => $"{locator} to be hidden",
        "enabled" => $"{locator} to be enabled",
        "disabled" => $"{locator} to be disabled",
        "attribute_absent" => $"{locator} to have no attribute '{Attribute}'",
        "text_regex" => $"the text of {locator} to match /{Expected}/",
        "count" => $"{Expected} elements matching {locator}",
        "attribute" => Expected is null ? $"{locator} to have attribute '{Attribute}'" : $"attribute '{Attribute}' of {locator} to be '{Expected}'",
        "text_equals" => $"the text of {locator} to be '{Expected}'",
        _ => $"the text of {locator} to contain '{Expected}'",
    };

    /// <summary>The regular expression of check 'text_regex' (found anywhere in the text, as Python's re.search).</summary>
    private static Regex Pattern(string expected)
    {
        try
        {
            return new Regex(expected, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new StepParameterException("expected", $"'{expected}' is not a valid regular expression: {ex.Message}");
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
