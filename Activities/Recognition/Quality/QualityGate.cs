using Microsoft.Extensions.Options;
using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Imaging;

namespace SmartKiosk.Activities.Recognition.Quality;

/// <summary>
/// Judges whether a capture can be read: blur, glare, exposure, resolution and whether the whole
/// document is in the frame. Measured on the normalised document so one threshold fits every
/// camera distance; each failure is a reason the kiosk can show while the citizen is still there.
/// </summary>
public sealed class QualityGate(IOptions<QualityOptions> options)
{
    private readonly QualityOptions _options = options.Value;

    /// <param name="document">The rectified (or normalised) document.</param>
    /// <param name="capture">How the document was found in the original capture.</param>
    public QualityReport Assess(Mat document, CaptureGeometry capture)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(capture);
        var issues = new List<QualityIssue>();
        using var grey = Greyscale.Of(document);

        if (capture.Located is null && capture.IsCamera)
        {
            issues.Add(new QualityIssue(QualityIssue.DocumentNotFound, 0, 1));
        }
        else if (capture.Located is { EdgesTouched: > 0 and < 4 } cut)
        {
            issues.Add(new QualityIssue(QualityIssue.NotFullyInFrame, cut.EdgesTouched, 0));
        }
        else if (capture.Located is { } located && capture.IsCamera && located.Coverage < _options.MinCoverage)
        {
            issues.Add(new QualityIssue(QualityIssue.ResolutionTooLow, located.Coverage, _options.MinCoverage));
        }

        var minLongSide = capture.Shape == DocumentShape.Card ? _options.MinCardLongSide : _options.MinA4LongSide;
        if (capture.SourceLongSide < minLongSide && !issues.Any(i => i.Code == QualityIssue.ResolutionTooLow))
        {
            issues.Add(new QualityIssue(QualityIssue.ResolutionTooLow, capture.SourceLongSide, minLongSide));
        }

        var brightness = Cv2.Mean(grey).Val0;
        if (brightness < _options.MinBrightness)
        {
            issues.Add(new QualityIssue(QualityIssue.TooDark, brightness, _options.MinBrightness));
        }

        var sharpness = Sharpness(grey);
        if (sharpness < _options.MinSharpness)
        {
            issues.Add(new QualityIssue(QualityIssue.TooBlurred, sharpness, _options.MinSharpness));
        }

        var glare = capture.IsCamera ? GlareShare(grey) : 0;
        if (glare > _options.MaxGlareShare)
        {
            issues.Add(new QualityIssue(QualityIssue.Glare, glare, _options.MaxGlareShare));
        }

        return new QualityReport(issues, sharpness, glare, brightness, capture.SourceLongSide);
    }

    /// <summary>
    /// The 99th percentile of |Laplacian|: the strongest edges (print) decide, so a page with little
    /// text is not mistaken for a blurred one, as the plain Laplacian variance would.
    /// </summary>
    private static double Sharpness(Mat grey)
    {
        using var laplacian = new Mat();
        Cv2.Laplacian(grey, laplacian, MatType.CV_16S, ksize: 3);
        using var magnitude = new Mat();
        Cv2.ConvertScaleAbs(laplacian, magnitude);
        using var histogram = new Mat();
        Cv2.CalcHist([magnitude], [0], null, histogram, 1, [256], [new Rangef(0, 256)]);
        var total = (double)magnitude.Total();
        var cumulative = 0.0;
        for (var value = 0; value < 256; value++)
        {
            cumulative += histogram.At<float>(value);
            if (cumulative >= total * 0.99)
            {
                return value;
            }
        }

        return 255;
    }

    /// <summary>
    /// The largest saturated spot that does not touch the document's edge, as a share of the
    /// document: a white page margin touches the edge, a reflection of the kiosk's light does not.
    /// </summary>
    private static double GlareShare(Mat grey)
    {
        using var saturated = new Mat();
        Cv2.Threshold(grey, saturated, 250, 255, ThresholdTypes.Binary);
        Cv2.MorphologyEx(saturated, saturated, MorphTypes.Open, Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 5)));
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(saturated, labels, stats, centroids);
        var largest = 0;
        var edge = 4;
        for (var label = 1; label < count; label++)
        {
            var x = stats.At<int>(label, (int)ConnectedComponentsTypes.Left);
            var y = stats.At<int>(label, (int)ConnectedComponentsTypes.Top);
            var w = stats.At<int>(label, (int)ConnectedComponentsTypes.Width);
            var h = stats.At<int>(label, (int)ConnectedComponentsTypes.Height);
            if (x <= edge || y <= edge || x + w >= grey.Width - edge || y + h >= grey.Height - edge)
            {
                continue;
            }

            largest = Math.Max(largest, stats.At<int>(label, (int)ConnectedComponentsTypes.Area));
        }

        return largest / (double)grey.Total();
    }
}
