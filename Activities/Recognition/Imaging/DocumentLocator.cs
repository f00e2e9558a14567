using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>
/// Finds the document in a camera photo: the largest convex four-cornered outline that stands out
/// from the background, tried on edges and on a brightness split (paper is lighter than a desk or
/// a kiosk tray). Works on a reduced copy: outlines need no detail and this keeps it a few ms.
/// </summary>
public static class DocumentLocator
{
    private const int WorkingSide = 800;
    private const double MinCoverage = 0.12;

    public static DocumentQuad? Locate(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var scale = Math.Min(1.0, WorkingSide / (double)Math.Max(bgr.Width, bgr.Height));
        using var small = new Mat();
        Cv2.Resize(bgr, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        using var grey = Greyscale.Of(small);
        Cv2.GaussianBlur(grey, grey, new Size(5, 5), 0);

        var candidates = new List<DocumentQuad>();
        using (var edges = new Mat())
        {
            Cv2.Canny(grey, edges, 40, 120);
            Cv2.Dilate(edges, edges, null, iterations: 2);
            candidates.AddRange(Outlines(edges, small.Size()));
        }

        using (var bright = new Mat())
        {
            Cv2.Threshold(grey, bright, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
            Cv2.MorphologyEx(bright, bright, MorphTypes.Close, Cv2.GetStructuringElement(MorphShapes.Rect, new Size(9, 9)));
            candidates.AddRange(Outlines(bright, small.Size()));
        }

        using (var different = DifferentFromBackground(small))
        {
            candidates.AddRange(Outlines(different, small.Size()));
        }

        var best = candidates.OrderByDescending(c => c.Coverage).FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var corners = best.Corners.Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale))).ToArray();
        return best with { Corners = corners };
    }

    private static IEnumerable<DocumentQuad> Outlines(Mat mask, Size size)
    {
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var frameArea = (double)size.Width * size.Height;
        foreach (var contour in contours.OrderByDescending(c => Cv2.ContourArea(c)).Take(5))
        {
            var area = Cv2.ContourArea(contour);
            if (area < frameArea * MinCoverage)
            {
                yield break;
            }

            var hull = Cv2.ConvexHull(contour);
            var perimeter = Cv2.ArcLength(hull, true);
            var polygon = Cv2.ApproxPolyDP(hull, 0.02 * perimeter, true);
            Point2f[] corners;
            if (polygon.Length == 4)
            {
                corners = DocumentQuad.Order(polygon.Select(p => new Point2f(p.X, p.Y)).ToArray());
            }
            else
            {
                // A rounded card corner or a clipped edge gives more than four vertices: the
                // minimum-area rectangle is the document if the outline fills it.
                var box = Cv2.MinAreaRect(hull);
                var clipped = EdgesTouched(Cv2.BoundingRect(contour), size) is > 0 and < 4;
                if (area < box.Size.Width * box.Size.Height * 0.85 && !clipped)
                {
                    continue;
                }

                corners = DocumentQuad.Order(box.Points());
            }

            yield return new DocumentQuad(corners, area / frameArea, EdgesTouched(Cv2.BoundingRect(contour), size));
        }
    }

    /// <summary>
    /// Pixels whose colour differs from the frame's border (the desk or tray around the document):
    /// works when paper and background are equally bright but differ in colour or texture.
    /// </summary>
    private static Mat DifferentFromBackground(Mat small)
    {
        using var lab = new Mat();
        Cv2.CvtColor(small, lab, ColorConversionCodes.BGR2Lab);
        using var border = new Mat();
        var strip = Math.Max(2, small.Height / 40);
        Cv2.VConcat([lab[new Rect(0, 0, lab.Width, strip)], lab[new Rect(0, lab.Height - strip, lab.Width, strip)]], border);
        var background = Cv2.Mean(border);
        using var distance = new Mat();
        Cv2.Absdiff(lab, background, distance);
        var channels = Cv2.Split(distance);
        var mask = new Mat();
        using (var sum = new Mat())
        {
            Cv2.AddWeighted(channels[0], 0.5, channels[1], 1, 0, sum);
            Cv2.AddWeighted(sum, 1, channels[2], 1, 0, sum);
            Cv2.Threshold(sum, mask, 28, 255, ThresholdTypes.Binary);
        }

        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, Cv2.GetStructuringElement(MorphShapes.Rect, new Size(15, 15)));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5)));
        return mask;
    }

    private static int EdgesTouched(Rect bounds, Size size)
    {
        const int margin = 3;
        var touched = 0;
        touched += bounds.Left <= margin ? 1 : 0;
        touched += bounds.Top <= margin ? 1 : 0;
        touched += bounds.Right >= size.Width - margin ? 1 : 0;
        touched += bounds.Bottom >= size.Height - margin ? 1 : 0;
        return touched;
    }
}
