using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Visual;

/// <summary>The comparison parameters of <c>perspective.compare_screenshot</c>, checked: tolerance, limits, masks, fail or warn.</summary>
internal sealed record ComparisonOptions(double Threshold, long MaxDiffPixels, double? MaxDiffRatio, IReadOnlyList<ILocator> Masks,
    IReadOnlyList<MaskRectangle> Rectangles, bool WarnOnly)
{
    public static ComparisonOptions From(StepContext context, IPage page)
    {
        var threshold = Has(context, "threshold") ? context.Get<double>("threshold") : 0.1;
        if (threshold is < 0 or > 1 || double.IsNaN(threshold)) throw new StepParameterException("threshold", "must be between 0 and 1");
        var maxPixels = Has(context, "max_diff_pixels") ? context.Get<long>("max_diff_pixels") : 0;
        if (maxPixels < 0) throw new StepParameterException("max_diff_pixels", "must be zero or more");
        double? maxRatio = Has(context, "max_diff_ratio") ? context.Get<double>("max_diff_ratio") : null;
        if (maxRatio is < 0 or > 1 || (maxRatio is { } r && double.IsNaN(r))) throw new StepParameterException("max_diff_ratio", "must be between 0 and 1");
        var onDifference = context.Get<string>("on_difference") ?? "fail";
        if (onDifference is not ("fail" or "warn")) throw new StepParameterException("on_difference", "must be 'fail' or 'warn'");
        var (masks, rectangles) = ReadMasks(context.Get<object>("mask"), page);
        return new ComparisonOptions(threshold, maxPixels, maxRatio, masks, rectangles, onDifference == "warn");
    }

    private static bool Has(StepContext context, string name) => context.Parameters.TryGetValue(name, out var value) && value is not null;

    /// <summary>Differing pixels allowed among <paramref name="compared"/>: the smaller of the given limits
    /// (only max_diff_ratio given: that ratio; neither: max_diff_pixels, default 0).</summary>
    public long Allowed(long compared) => MaxDiffRatio is { } ratio
        ? Math.Min(MaxDiffPixels > 0 ? MaxDiffPixels : long.MaxValue, (long)Math.Floor(ratio * compared))
        : MaxDiffPixels;

    public string Describe(long compared) => Allowed(compared).ToString(CultureInfo.InvariantCulture) + " pixels";

    private static (IReadOnlyList<ILocator>, IReadOnlyList<MaskRectangle>) ReadMasks(object? value, IPage page)
    {
        var locators = new List<ILocator>();
        var rectangles = new List<MaskRectangle>();
        if (value is null) return (locators, rectangles);
        if (value is not IEnumerable<object?> items || value is string)
            throw new StepParameterException("mask", "must be a list of selectors, locators or rectangles");
        var index = 0;
        foreach (var item in items)
        {
            var at = $"mask[{index++}]";
            switch (item)
            {
                case string selector when selector.Trim().Length > 0:
                    locators.Add(page.Locator(selector));
                    break;
                case IReadOnlyDictionary<string, object?> map when map.ContainsKey("x") || map.ContainsKey("width"):
                    rectangles.Add(new MaskRectangle(Int(map, "x", at), Int(map, "y", at), Int(map, "width", at), Int(map, "height", at)));
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    locators.Add(LocatorOf(map, at).All(page));
                    break;
                default:
                    throw new StepParameterException("mask", $"{at} must be a selector, a locator ({{ component_path: ... }}) or a rectangle ({{ x, y, width, height }})");
            }
        }
        return (locators, rectangles);
    }

    private static LocatorSpec LocatorOf(IReadOnlyDictionary<string, object?> map, string at)
    {
        string? S(string key) => map.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        var spec = new LocatorSpec(S("selector"), S("text"), S("role"), S("name"), S("component"), S("component_path"), false);
        if (spec.Selector is null && spec.Text is null && spec.Role is null && spec.Component is null && spec.ComponentPath is null)
            throw new StepParameterException("mask", $"{at} names no locator: give selector, text, role, component or component_path, or x/y/width/height");
        return spec;
    }

    private static int Int(IReadOnlyDictionary<string, object?> map, string key, string at)
    {
        if (!map.TryGetValue(key, out var value) || value is null)
            throw new StepParameterException("mask", $"{at} is a rectangle without '{key}'");
        try
        {
            var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            return number >= 0 ? number : throw new StepParameterException("mask", $"{at}.{key} must be zero or more");
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw new StepParameterException("mask", $"{at}.{key} must be a whole number");
        }
    }
}
