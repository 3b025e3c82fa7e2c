using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary>One condition of <c>perspective.verify</c>, evaluated against the page until it holds or time runs out.</summary>
internal sealed record VerifyCheck(string Kind, string? Expected, string? Attribute)
{
    public static readonly string[] Kinds = ["exists", "visible", "hidden", "text_equals", "text_contains", "attribute", "count"];

    public static VerifyCheck From(StepContext context)
    {
        var kind = context.Get<string>("check") ?? "visible";
        var expected = context.Parameters.GetValueOrDefault("expected") is { } value
            ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        var attribute = context.Get<string>("attribute");
        if (kind is "text_equals" or "text_contains" or "count" && expected is null)
            throw new StepParameterException("expected", $"check '{kind}' needs 'expected'");
        if (kind == "attribute" && string.IsNullOrWhiteSpace(attribute))
            throw new StepParameterException("attribute", "check 'attribute' needs 'attribute' (its name) and optionally 'expected' (its value)");
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
            case "count":
                var count = await all.CountAsync();
                return (count == int.Parse(Expected!, CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture));
            case "attribute":
                if (await all.CountAsync() == 0) return (false, "not found");
                var value = await first.GetAttributeAsync(Attribute!, new() { Timeout = 1000 });
                return (value is not null && (Expected is null || value == Expected), value is null ? "no such attribute" : $"'{value}'");
            default:
                if (await all.CountAsync() == 0) return (false, "not found");
                var text = Normalize(await first.InnerTextAsync(new() { Timeout = 1000 }));
                var holds = Kind == "text_equals" ? text == Normalize(Expected!) : text.Contains(Normalize(Expected!), StringComparison.Ordinal);
                return (holds, $"'{text}'");
        }
    }

    public string Describe(string locator) => Kind switch
    {
        "exists" => $"{locator} to exist",
        "visible" => $"{locator} to be visible",
        "hidden" => $"{locator} to be hidden",
        "count" => $"{Expected} elements matching {locator}",
        "attribute" => Expected is null ? $"{locator} to have attribute '{Attribute}'" : $"attribute '{Attribute}' of {locator} to be '{Expected}'",
        "text_equals" => $"the text of {locator} to be '{Expected}'",
        _ => $"the text of {locator} to contain '{Expected}'",
    };

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
