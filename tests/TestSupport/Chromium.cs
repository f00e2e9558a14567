namespace SmartKiosk.TestSupport;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, in scripts/apt-packages.txt), driven by Playwright's bundled
/// driver: no browser download, which this machine could not do anyway.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("SMARTKIOSK_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : Candidates.FirstOrDefault(File.Exists)
              ?? throw new InvalidOperationException("Chromium is not installed: run scripts/install-prerequisites.sh (apt package 'chromium').");

    /// <summary>Arguments for a camera that plays <paramref name="mjpeg"/> and asks nobody for permission.</summary>
    public static IReadOnlyList<string> FakeCamera(string mjpeg) =>
        ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={mjpeg}"];
}
