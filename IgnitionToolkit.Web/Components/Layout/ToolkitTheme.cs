using MudBlazor;

namespace IgnitionToolkit.Web.Components.Layout;

/// <summary>The toolkit's colours, light and dark.</summary>
public static class ToolkitTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1d3557", AppbarBackground = "#1d3557", Secondary = "#e76f51" },
        PaletteDark = new PaletteDark { Primary = "#8ab4f8", AppbarBackground = "#1b1f27", Secondary = "#f4a261" },
    };
}
