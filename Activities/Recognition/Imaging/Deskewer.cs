using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>
/// Straightens a flat scan that went into the scanner slightly rotated: the angle at which the
/// rows of ink are most sharply separated (the variance of the horizontal projection peaks when
/// text lines are horizontal). Searched coarse then fine on a reduced copy.
/// </summary>
public static class Deskewer
{
    private const int WorkingWidth = 700;

    public static double EstimateAngle(Mat bgr, double maxDegrees = 6)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var scale = Math.Min(1.0, WorkingWidth / (double)bgr.Width);
        using var ink = new Mat();
        using (var grey = Greyscale.Of(bgr))
        {
            Cv2.Resize(grey, grey, new Size(0, 0), scale, scale, InterpolationFlags.Area);
            Cv2.AdaptiveThreshold(grey, ink, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.BinaryInv, 15, 12);
        }

        var best = Search(ink, -maxDegrees, maxDegrees, 0.5);
        return Search(ink, best - 0.5, best + 0.5, 0.1);
    }

    /// <summary>Returns the straightened image, or the input itself when it is already straight.</summary>
    public static Mat Straighten(Mat bgr, double angle)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (Math.Abs(angle) < 0.2)
        {
            return bgr;
        }

        using var rotation = Cv2.GetRotationMatrix2D(new Point2f(bgr.Width / 2f, bgr.Height / 2f), angle, 1);
        var result = new Mat();
        Cv2.WarpAffine(bgr, result, rotation, bgr.Size(), InterpolationFlags.Cubic, BorderTypes.Replicate);
        return result;
    }

    private static double Search(Mat ink, double from, double to, double step)
    {
        double bestAngle = 0, bestScore = double.MinValue;
        var centre = new Point2f(ink.Width / 2f, ink.Height / 2f);
        using var rotated = new Mat();
        using var rows = new Mat();
        for (var angle = from; angle <= to + 1e-9; angle += step)
        {
            using var rotation = Cv2.GetRotationMatrix2D(centre, angle, 1);
            Cv2.WarpAffine(ink, rotated, rotation, ink.Size(), InterpolationFlags.Nearest);
            Cv2.Reduce(rotated, rows, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_64F);
            Cv2.MeanStdDev(rows, out _, out var deviation);
            if (deviation.Val0 > bestScore)
            {
                bestScore = deviation.Val0;
                bestAngle = angle;
            }
        }

        return bestAngle;
    }
}
