using MudBlazor;

namespace SmartKiosk.Designer.Host.Components.Layout;

/// <summary>The back office's colours: dark enough on white (and white on them) for WCAG 2.1 AA text contrast.</summary>
public static class WorkspaceTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B4F8A",
            Secondary = "#6A1B9A",
            Success = "#1B6E20",
            Warning = "#8A4B00",
            Error = "#B3261E",
            Info = "#0B5E7A",
            AppbarBackground = "#0B4F8A",
            TextSecondary = "rgba(0,0,0,0.72)",
        },
    };
}
