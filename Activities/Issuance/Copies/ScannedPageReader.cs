using Microsoft.Extensions.Options;
using OpenCvSharp;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Issuance.Copies;

/// <summary>
/// Turns stored scans into the copy's pages without losing quality: upright JPEG and PNG bytes go into
/// the PDF as they are; PDF and TIFF pages, and photos that need turning, are re-encoded losslessly
/// (PNG). The paper size comes from the document's shape (an ID card is 85.6 × 54 mm, A4 210 × 297 mm)
/// and otherwise from a 300 dpi scan.
/// </summary>
public sealed class ScannedPageReader(IBlobStore blobs, ScanDecoder decoder, IOptions<IntakeLimits> limits)
{
    private const double AssumedDpi = 300;

    public async Task<IReadOnlyList<ScannedPage>> ReadAsync(IReadOnlyList<string> addresses, DocumentShape? shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var pages = new List<ScannedPage>();
        foreach (var address in addresses)
        {
            var bytes = await blobs.ReadAsync(address, cancellationToken);
            var inspection = ScanInspector.Inspect(bytes, limits.Value);
            if (inspection.Format is ScanFormat.Jpeg or ScanFormat.Png && inspection.Orientation == 1)
            {
                pages.Add(Sized(bytes, inspection.Width, inspection.Height, shape));
                continue;
            }
            using var decoded = await decoder.DecodeAsync(bytes, inspection, cancellationToken);
            NativeLibraries.EnsureLoaded();
            foreach (var page in decoded.Pages)
            {
                Cv2.ImEncode(".png", page, out var png);
                pages.Add(Sized(png, page.Width, page.Height, shape));
            }
        }
        return pages;
    }

    private static ScannedPage Sized(byte[] image, int width, int height, DocumentShape? shape)
    {
        if (shape is null)
        {
            return new ScannedPage(image, width / AssumedDpi * 25.4, height / AssumedDpi * 25.4);
        }
        var (longSide, shortSide) = shape == DocumentShape.Card ? (85.6, 54.0) : (297.0, 210.0);
        return width >= height ? new ScannedPage(image, longSide, shortSide) : new ScannedPage(image, shortSide, longSide);
    }
}
