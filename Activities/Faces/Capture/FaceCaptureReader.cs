using Microsoft.Extensions.Options;
using OpenCvSharp;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Faces.Capture;

/// <summary>
/// Reads camera frames and ID card fronts from the blob store for face checks, through the same
/// hostile-file inspection as every scan (size, pixel count, decompression bombs, trailing data).
/// A frame that cannot be read is reported, never thrown past the caller's decision.
/// </summary>
public sealed class FaceCaptureReader(IBlobStore blobs, ScanDecoder decoder, IOptions<IntakeLimits> limits, IOptions<FaceSelectionOptions> selection)
{
    /// <summary>A camera frame (JPEG or PNG only), or null when it is not a readable picture.</summary>
    public async Task<RgbImage?> ReadFrameAsync(string address, CancellationToken cancellationToken)
    {
        var bytes = await blobs.ReadAsync(address, cancellationToken);
        try
        {
            var inspection = ScanInspector.Inspect(bytes, limits.Value);
            if (inspection.Format is not (ScanFormat.Jpeg or ScanFormat.Png))
            {
                return null;
            }
            using var pages = await decoder.DecodeAsync(bytes, inspection, cancellationToken);
            return FaceImages.FromMat(pages.Pages[0], selection.Value.MaxImageSide);
        }
        catch (ScanRejectedException)
        {
            return null;
        }
    }

    /// <summary>The first page of a stored scan (the ID card front), or null when it cannot be read.</summary>
    public async Task<Mat?> ReadPageAsync(string address, CancellationToken cancellationToken)
    {
        var bytes = await blobs.ReadAsync(address, cancellationToken);
        try
        {
            using var pages = await decoder.DecodeAsync(bytes, ScanInspector.Inspect(bytes, limits.Value), cancellationToken);
            NativeLibraries.EnsureLoaded();
            return pages.Pages[0].Clone();
        }
        catch (ScanRejectedException)
        {
            return null;
        }
    }
}
