using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>Maps the located document onto an upright rectangle of its shape's normal size.</summary>
public static class PerspectiveCorrector
{
    public static Mat Rectify(Mat bgr, DocumentQuad quad, DocumentShape shape)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(quad);
        ArgumentNullException.ThrowIfNull(shape);
        var size = shape.SizeFor(quad.IsLandscape);
        Point2f[] target = [new(0, 0), new(size.Width - 1, 0), new(size.Width - 1, size.Height - 1), new(0, size.Height - 1)];
        using var transform = Cv2.GetPerspectiveTransform(quad.Corners, target);
        var rectified = new Mat();
        Cv2.WarpPerspective(bgr, rectified, transform, size, InterpolationFlags.Cubic, BorderTypes.Replicate);
        return rectified;
    }

    /// <summary>Scales a flat scan to its shape's normal size, keeping its own aspect.</summary>
    public static Mat Normalise(Mat bgr, DocumentShape shape)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(shape);
        var scale = shape.LongSide / (double)Math.Max(bgr.Width, bgr.Height);
        var result = new Mat();
        Cv2.Resize(bgr, result, new Size(0, 0), scale, scale, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic);
        return result;
    }
}
