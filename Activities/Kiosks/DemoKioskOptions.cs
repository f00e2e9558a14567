namespace SmartKiosk.Activities.Kiosks;

/// <summary>
/// The demo kiosk of the embedded default (section <c>Kiosks:Demo</c>): registered on the first run,
/// its credential written to <c>data/demo-kiosk.json</c> so the kiosk simulator finds it. Turn it off
/// in any real deployment.
/// </summary>
public sealed class DemoKioskOptions
{
    public const string SectionName = "Kiosks:Demo";
    public const string CredentialFileName = "demo-kiosk.json";

    /// <summary>Where the demo touch screen's one-time enrolment code is written, for run.sh to print.</summary>
    public const string ScreenEnrolmentFileName = "demo-kiosk-screen.txt";

    public bool Enabled { get; set; } = true;
    public string Id { get; set; } = "demo-kiosk-hk";
    public string Name { get; set; } = "Kiosk trình diễn — UBND phường Hoàn Kiếm (demo kiosk)";
    public string AgencyId { get; set; } = "hn-hoan-kiem";
    public string Branch { get; set; } = "Bộ phận một cửa (one-stop desk)";
    public string Location { get; set; } = "Sảnh tầng 1 (ground-floor hall)";

    /// <summary>A second demo kiosk for the browser touch screen (/kiosk/), which enrols with a one-time code issued at each start.</summary>
    public string ScreenId { get; set; } = "demo-kiosk-hk-screen";
    public string ScreenName { get; set; } = "Màn hình cảm ứng trình diễn — UBND phường Hoàn Kiếm (demo touch screen)";
}
