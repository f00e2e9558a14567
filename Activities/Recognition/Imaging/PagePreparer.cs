using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Quality;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>
/// From a decoded page to a readable document: find the document in a photo and undo the
/// perspective, or take a flat scan as it is and straighten it; crop and scale to the shape's normal
/// size; then judge the quality. Never binarises: on clean scans it costs Tesseract accuracy.
/// </summary>
public sealed class PagePreparer(QualityGate quality)
{
    /// <summary>A located outline is a document only if its aspect is within this of a card or A4.</summary>
    private const double AspectTolerance = 0.15;

    /// <param name="page">The decoded page.</param>
    /// <param name="source">What took the image, when known.</param>
    /// <param name="expected">
    /// The shape of the declared document type. A photo's perspective can make a card look like an
    /// A4 sheet (and the reverse); what the citizen declared settles it, the apparent ratio otherwise.
    /// </param>
    public PreparedPage Prepare(Mat page, CaptureSource source, DocumentShape? expected = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        NativeLibraries.EnsureLoaded();
        var quad = source == CaptureSource.Scanner ? null : PlausibleDocument(DocumentLocator.Locate(page));
        var isCamera = source == CaptureSource.Camera || quad is { EdgesTouched: < 4 };

        if (quad is { EdgesTouched: < 4 })
        {
            var shape = expected ?? DocumentShape.ClosestTo(quad.LongOverShort);
            var document = PerspectiveCorrector.Rectify(page, quad, shape);
            var geometry = new CaptureGeometry(quad, shape, (int)Math.Max(quad.Width, quad.Height), isCamera);
            return new PreparedPage(document, geometry, quality.Assess(document, geometry), 0);
        }

        // A flat scan (or a photo in which no outline was found): the frame is the document.
        var frameShape = expected ?? DocumentShape.ClosestTo(Math.Max(page.Width, page.Height) / (double)Math.Min(page.Width, page.Height));
        var angle = Deskewer.EstimateAngle(page);
        var straight = Deskewer.Straighten(page, angle);
        var normalised = PerspectiveCorrector.Normalise(straight, frameShape);
        if (!ReferenceEquals(straight, page))
        {
            straight.Dispose();
        }

        var flat = new CaptureGeometry(quad is { EdgesTouched: 4 } ? quad : null, frameShape, Math.Max(page.Width, page.Height), isCamera);
        return new PreparedPage(normalised, flat, quality.Assess(normalised, flat), angle);
    }

    private static DocumentQuad? PlausibleDocument(DocumentQuad? quad)
    {
        if (quad is null)
        {
            return null;
        }

        var ratio = quad.LongOverShort;
        var plausible = Math.Abs(ratio - DocumentShape.Card.AspectRatio) / DocumentShape.Card.AspectRatio < AspectTolerance
            || Math.Abs(ratio - DocumentShape.A4.AspectRatio) / DocumentShape.A4.AspectRatio < AspectTolerance;
        return plausible || quad.EdgesTouched is > 0 and < 4 ? quad : null;
    }
}
