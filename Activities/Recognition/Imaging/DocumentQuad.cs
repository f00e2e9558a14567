using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>
/// Where the document lies in a capture: four corners (top-left, top-right, bottom-right,
/// bottom-left), how much of the frame it covers, and which frame edges it touches (a document
/// touching one to three edges runs out of the frame; one touching all four is a flat scan).
/// </summary>
public sealed record DocumentQuad(Point2f[] Corners, double Coverage, int EdgesTouched)
{
    public double TopWidth => Corners[0].DistanceTo(Corners[1]);
    public double BottomWidth => Corners[3].DistanceTo(Corners[2]);
    public double LeftHeight => Corners[0].DistanceTo(Corners[3]);
    public double RightHeight => Corners[1].DistanceTo(Corners[2]);

    public double Width => (TopWidth + BottomWidth) / 2;
    public double Height => (LeftHeight + RightHeight) / 2;

    public bool IsLandscape => Width >= Height;

    public double LongOverShort => Math.Max(Width, Height) / Math.Max(1, Math.Min(Width, Height));

    /// <summary>Orders any four points as top-left, top-right, bottom-right, bottom-left.</summary>
    public static Point2f[] Order(IReadOnlyList<Point2f> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var bySum = points.OrderBy(p => p.X + p.Y).ToArray();
        var byDiff = points.OrderBy(p => p.Y - p.X).ToArray();
        return [bySum[0], byDiff[0], bySum[^1], byDiff[^1]];
    }
}
