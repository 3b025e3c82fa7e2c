using IgnitionToolkit.Core.Plugins;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Pages;

/// <summary>
/// Where a browser step acts, from its parameters: <c>selector</c> (CSS or any Playwright selector), <c>text</c>,
/// <c>role</c> (+ <c>name</c>), <c>component</c> (<c>data-component</c>) or <c>component_path</c>
/// (<c>data-component-path</c>). <c>text</c> given with another kind filters it by text.
/// </summary>
public sealed record LocatorSpec(string? Selector, string? Text, string? Role, string? Name, string? Component, string? ComponentPath, bool Exact)
{
    public static readonly IReadOnlyList<StepParameterSchema> Schemas =
    [
        new("selector", StepParameterType.String, Description: "CSS selector (or any Playwright selector, e.g. text='Start')."),
        new("text", StepParameterType.String, Description: "Element showing this text (with another locator: filters it by text)."),
        new("role", StepParameterType.String, Description: "ARIA role, e.g. button, textbox, checkbox (with 'name' for its accessible name)."),
        new("name", StepParameterType.String, Description: "Accessible name for 'role'."),
        new("component", StepParameterType.String, Description: "Perspective component type (data-component), e.g. ia.input.button."),
        new("component_path", StepParameterType.String, Description: "Perspective component path (data-component-path), e.g. C:0:1 or T[0]:0."),
        new("exact", StepParameterType.Boolean, Default: false, Description: "Text and name must match exactly (default: contains, case-insensitive)."),
    ];

    public static LocatorSpec? FromOptional(StepContext context)
    {
        var spec = new LocatorSpec(Str(context, "selector"), Str(context, "text"), Str(context, "role"), Str(context, "name"),
            Str(context, "component"), Str(context, "component_path"), context.Get<bool>("exact"));
        if (spec.Selector is null && spec.Text is null && spec.Role is null && spec.Component is null && spec.ComponentPath is null)
            return null;
        var kinds = new[] { spec.Selector, spec.Role, spec.Component, spec.ComponentPath }.Count(v => v is not null);
        if (kinds > 1)
            throw new StepParameterException("selector", "give only one of 'selector', 'role', 'component', 'component_path' (add 'text' to filter by text)");
        if (spec.Role is not null && !Enum.TryParse<AriaRole>(spec.Role, ignoreCase: true, out _))
            throw new StepParameterException("role", $"'{spec.Role}' is not an ARIA role (e.g. button, textbox, checkbox, link, heading)");
        return spec;
    }

    public static LocatorSpec From(StepContext context) => FromOptional(context)
        ?? throw new StepParameterException("selector", "give a locator: 'selector', 'text', 'role', 'component' or 'component_path'");

    /// <summary>Every element matched (for counts); actions use <see cref="First"/>.</summary>
    public ILocator All(IPage page)
    {
        ILocator locator;
        if (Selector is not null) locator = page.Locator(Selector);
        else if (Component is not null) locator = page.Locator($"[data-component=\"{Escape(Component)}\"]");
        else if (ComponentPath is not null) locator = page.Locator($"[data-component-path=\"{Escape(ComponentPath)}\"]");
        else if (Role is not null)
            locator = page.GetByRole(Enum.Parse<AriaRole>(Role, ignoreCase: true), new PageGetByRoleOptions { Name = Name, Exact = Exact });
        else return page.GetByText(Text!, new PageGetByTextOptions { Exact = Exact });
        return Text is null ? locator : locator.Filter(new LocatorFilterOptions { HasText = Text });
    }

    public ILocator First(IPage page) => All(page).First;

    public override string ToString()
    {
        var main = Selector is not null ? $"selector '{Selector}'"
            : Component is not null ? $"component '{Component}'"
            : ComponentPath is not null ? $"component path '{ComponentPath}'"
            : Role is not null ? $"role '{Role}'" + (Name is null ? "" : $" named '{Name}'")
            : $"text '{Text}'";
        return Text is not null && !main.StartsWith("text", StringComparison.Ordinal) ? $"{main} with text '{Text}'" : main;
    }

    private static string? Str(StepContext context, string name) => context.Get<string>(name) is { Length: > 0 } value ? value : null;

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
