using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Imaging;

namespace SmartKiosk.Activities.Intake;

/// <summary>
/// Checks an upload while the citizen is still at the kiosk: unsafe or damaged files are refused
/// (<see cref="ScanRejectedException"/>), and a page scan gets the quality gate's reasons at once
/// (blur, glare, cut off, too small, too dark) so the citizen can scan again. The workflow's own
/// steps check everything again; this is the fast feedback, not the decision.
/// </summary>
public sealed class UploadChecker(ScanDecoder decoder, PagePreparer preparer, IOptions<IntakeLimits> limits)
{
    public async Task<UploadCheck> CheckPageAsync(byte[] bytes, CaptureSource source, CancellationToken cancellationToken)
    {
        var inspection = ScanInspector.Inspect(bytes, limits.Value);
        using var pages = await decoder.DecodeAsync(bytes, inspection, cancellationToken);
        var issues = new List<string>();
        foreach (var page in pages.Pages)
        {
            using var prepared = preparer.Prepare(page, source);
            issues.AddRange(prepared.Quality.Issues.Select(i => i.Code));
        }
        var codes = issues.Distinct().ToList();
        return new UploadCheck(pages.Pages.Count, [.. codes.Select(UploadIssue.Of)]);
    }

    /// <summary>A camera frame or a photographed card: a safe JPEG or PNG of sane size.</summary>
    public UploadCheck CheckPhoto(byte[] bytes)
    {
        var inspection = ScanInspector.Inspect(bytes, limits.Value);
        if (inspection.Format is not (ScanFormat.Jpeg or ScanFormat.Png))
        {
            throw new ScanRejectedException("unknown-format", "A camera frame must be a JPEG or PNG picture.");
        }
        return new UploadCheck(1, []);
    }
}

/// <summary>The quick check's answer: pages found and the capture problems (empty when the page is good).</summary>
public sealed record UploadCheck(int Pages, IReadOnlyList<UploadIssue> Issues)
{
    public bool Passed => Issues.Count == 0;
}

public sealed record UploadIssue(string Code, LocalizedText Message)
{
    /// <summary>A capture problem by its code, with the words the citizen is shown.</summary>
    public static UploadIssue Of(string code) => new(code, RecognitionText.Quality(code));
}
