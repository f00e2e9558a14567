using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Ocr;

namespace SmartKiosk.Activities.Recognition.Validation;

/// <summary>
/// Reads what is stamped or printed in red ink: a "MẬT" (secret) stamp or a "không sao chụp" mark is
/// red, often rotated and laid over the print, so the page OCR misses it. The red ink is separated by
/// colour, each stamp-sized mark is turned upright and read on its own, black on white.
/// </summary>
public sealed class RedInkReader(IOcrEngine ocr)
{
    private const double MinAreaShare = 0.002;
    private const double MaxAreaShare = 0.15;
    private const int MinInkPixels = 400;

    public async Task<IReadOnlyList<OcrPage>> ReadAsync(Mat document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var ink = RedInk(document);
        using var marks = new Mat();
        if (Cv2.CountNonZero(ink) < MinInkPixels)
        {
            return [];
        }

        // A small closing only mends a stamp's frame; a larger one would fuse it with red print nearby.
        Cv2.MorphologyEx(ink, marks, MorphTypes.Close, Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5)));
        // Every outline, holes included: the inside of a stamp's frame is a clean rectangle around
        // its word even where the stamp overlaps other red print, which would merge outer outlines.
        Cv2.FindContours(marks, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        var area = (double)document.Width * document.Height;
        var boxes = contours
            .Select(c => (Box: Cv2.MinAreaRect(c), Area: Cv2.ContourArea(c)))
            .Where(c => c.Box.Size.Width * c.Box.Size.Height / area is >= MinAreaShare and <= MaxAreaShare)
            .Where(c => c.Area >= c.Box.Size.Width * c.Box.Size.Height * 0.85)
            .OrderByDescending(c => c.Area)
            .Take(3)
            .ToList();
        var pages = new List<OcrPage>();
        foreach (var (box, _) in boxes)
        {
            using var upright = Upright(ink, box);
            if (upright.Empty())
            {
                continue;
            }

            pages.Add(await ocr.RecogniseAsync(upright, OcrRequest.Vietnamese(OcrLayout.Line), null, cancellationToken));
        }

        // Unframed red print (a "không sao chụp" line) is read from the whole ink layer at once.
        using var layer = new Mat();
        Cv2.BitwiseNot(ink, layer);
        pages.Add(await ocr.RecogniseAsync(layer, OcrRequest.Vietnamese(OcrLayout.Sparse), null, cancellationToken));
        return pages;
    }

    /// <summary>Red pixels as black on white: hue near 0/180, saturated, not dark.</summary>
    private static Mat RedInk(Mat bgr)
    {
        using var hsv = new Mat();
        Cv2.CvtColor(bgr, hsv, ColorConversionCodes.BGR2HSV);
        using var low = new Mat();
        using var high = new Mat();
        Cv2.InRange(hsv, new Scalar(0, 90, 70), new Scalar(10, 255, 255), low);
        Cv2.InRange(hsv, new Scalar(170, 90, 70), new Scalar(180, 255, 255), high);
        var red = new Mat();
        Cv2.BitwiseOr(low, high, red);
        return red;
    }

    /// <summary>Removes a stamp's frame (long straight strokes): Tesseract reads nothing inside a box.</summary>
    private static Mat WithoutFrame(Mat ink)
    {
        using var horizontal = new Mat();
        using var vertical = new Mat();
        Cv2.MorphologyEx(ink, horizontal, MorphTypes.Open, Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Math.Max(3, ink.Width / 3), 1)));
        Cv2.MorphologyEx(ink, vertical, MorphTypes.Open, Cv2.GetStructuringElement(MorphShapes.Rect, new Size(1, Math.Max(3, ink.Height * 2 / 3))));
        var text = new Mat();
        Cv2.Subtract(ink, horizontal, text);
        Cv2.Subtract(text, vertical, text);
        Cv2.Dilate(horizontal, horizontal, null);
        Cv2.Dilate(vertical, vertical, null);
        Cv2.Subtract(text, horizontal, text);
        Cv2.Subtract(text, vertical, text);
        return text;
    }

    /// <summary>The mark's rotated box cut out and turned level, ink black on white, with a margin for Tesseract.</summary>
    private static Mat Upright(Mat ink, RotatedRect box)
    {
        var angle = box.Angle;
        var size = box.Size;
        if (size.Width < size.Height)
        {
            angle += 90;
            size = new Size2f(size.Height, size.Width);
        }

        using var rotation = Cv2.GetRotationMatrix2D(box.Center, angle, 1);
        using var rotated = new Mat();
        Cv2.WarpAffine(ink, rotated, rotation, ink.Size(), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.Black);
        var rect = new Rect((int)(box.Center.X - (size.Width / 2)), (int)(box.Center.Y - (size.Height / 2)), (int)size.Width, (int)size.Height)
            .Intersect(new Rect(0, 0, ink.Width, ink.Height));
        if (rect.Width < 8 || rect.Height < 8)
        {
            return new Mat();
        }

        using var cut = new Mat(rotated, rect);
        using var text = WithoutFrame(cut);
        var result = new Mat();
        Cv2.CopyMakeBorder(text, result, 20, 20, 20, 20, BorderTypes.Constant, Scalar.Black);
        Cv2.BitwiseNot(result, result);
        return result;
    }
}
