using MudBlazor;

namespace IgnitionToolkit.Web.Components.Layout;

/// <summary>The toolkit's colours, light and dark. Every colour that carries text (filled buttons and chips, status
/// text) has a contrast of at least 4.5:1 (WCAG AA) with its text or its background in both themes.</summary>
public static class ToolkitTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d3557", AppbarBackground = "#1d3557", Secondary = "#b8432a",
            Success = "#2b7a3b", Info = "#1565c0", Warning = "#9a4d00", Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8", PrimaryContrastText = "#0b1b33", AppbarBackground = "#1b1f27",
            Secondary = "#f4a261", SecondaryContrastText = "#2e1a00",
            Success = "#69db7c", SuccessContrastText = "#06210f",
            Info = "#74c0fc", InfoContrastText = "#04223a",
            Warning = "#ffc078", WarningContrastText = "#2e1a00",
            Error = "#ff8a80", ErrorContrastText = "#2b0000",
        },
    };
}
