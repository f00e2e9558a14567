using OpenCvSharp;
using SmartKiosk.Activities.Recognition;

namespace SmartKiosk.Activities.Intake;

/// <summary>
/// Turns an inspected scan into upright colour pages: JPEG/PNG decoded in memory, TIFF page by page,
/// PDF rasterised. Only called after <see cref="ScanInspector"/> accepted the bytes, so a decoder
/// never sees a bomb; a file that still fails to decode is refused as damaged.
/// </summary>
public sealed class ScanDecoder(PdfRasterizer pdf)
{
    public async Task<ScanPages> DecodeAsync(byte[] bytes, ScanInspection inspection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(inspection);
        NativeLibraries.EnsureLoaded();
        var pages = inspection.Format switch
        {
            ScanFormat.Pdf => await DecodePdfAsync(bytes, inspection.Pages, cancellationToken),
            ScanFormat.Tiff => await DecodeTiffAsync(bytes, cancellationToken),
            _ => [Decode(bytes)],
        };

        if (inspection.Orientation != 1)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                pages[i] = ExifOrientation.Apply(pages[i], inspection.Orientation);
            }
        }

        return new ScanPages(pages);
    }

    private static Mat Decode(byte[] bytes)
    {
        // Orientation is applied by us from the inspected EXIF tag, once, the same way for every format.
        var image = Cv2.ImDecode(bytes, ImreadModes.Color | ImreadModes.IgnoreOrientation);
        if (image.Empty())
        {
            image.Dispose();
            throw new ScanRejectedException("damaged", "The image could not be decoded.");
        }

        return image;
    }

    private async Task<List<Mat>> DecodePdfAsync(byte[] bytes, int pages, CancellationToken cancellationToken)
    {
        var images = await pdf.RasteriseAsync(bytes, pages, cancellationToken);
        return images.Select(Decode).ToList();
    }

    private static async Task<List<Mat>> DecodeTiffAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        // OpenCvSharp has no in-memory multi-page decoder; a private temp file is the portable route.
        var folder = Directory.CreateTempSubdirectory("smartkiosk-tiff-");
        try
        {
            var file = Path.Combine(folder.FullName, "scan.tif");
            await File.WriteAllBytesAsync(file, bytes, cancellationToken);
            if (!Cv2.ImReadMulti(file, out var mats, ImreadModes.Color | ImreadModes.IgnoreOrientation) || mats.Length == 0)
            {
                foreach (var mat in mats ?? [])
                {
                    mat.Dispose();
                }

                throw new ScanRejectedException("damaged", "The TIFF could not be decoded.");
            }

            return [.. mats];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>The decoded pages of one scan, in order; disposing releases their pixels.</summary>
public sealed class ScanPages(IReadOnlyList<Mat> pages) : IDisposable
{
    public IReadOnlyList<Mat> Pages { get; } = pages;

    public void Dispose()
    {
        foreach (var page in Pages)
        {
            page.Dispose();
        }
    }
}
