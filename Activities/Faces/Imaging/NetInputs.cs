namespace SmartKiosk.Activities.Faces.Imaging;

/// <summary>
/// Turns an image region into a network input exactly as face-api does for a tensor input:
/// pad the region to a square with zeros, then resize with TensorFlow's bilinear kernel
/// (no corner alignment, no half-pixel centres). Exactness matters: a descriptor moves by
/// about 0.05 for one pixel of crop shift.
/// </summary>
public static class NetInputs
{
    /// <summary>The NHWC float input (size × size × 3, values 0–255) for <paramref name="region"/>.</summary>
    /// <param name="centre">Pad both sides (face-api's landmark and descriptor nets) or only the bottom/right (the detector).</param>
    public static float[] SquareResize(RgbImage image, PixelRect region, int size, bool centre)
    {
        if (region.IsEmpty || region.X < 0 || region.Y < 0 || region.X + region.Width > image.Width || region.Y + region.Height > image.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, "The region must lie inside the image.");
        }
        var square = Math.Max(region.Width, region.Height);
        var difference = Math.Abs(region.Height - region.Width);
        // JavaScript's Math.round rounds halves up; the appended side gets the larger half.
        var appended = (int)Math.Floor(difference * (centre ? 0.5 : 1.0) + 0.5);
        var prepended = centre ? difference - appended : 0;
        var (offsetX, offsetY) = region.Height > region.Width ? (prepended, 0) : (0, prepended);

        var result = new float[size * size * 3];
        var pixels = image.Pixels;
        var ratio = (double)square / size;
        for (var r = 0; r < size; r++)
        {
            var (top, bottom, rowFraction) = Source(ratio * r, square);
            for (var c = 0; c < size; c++)
            {
                var (left, right, columnFraction) = Source(ratio * c, square);
                for (var channel = 0; channel < 3; channel++)
                {
                    double Sample(int y, int x)
                    {
                        var imageY = y - offsetY;
                        var imageX = x - offsetX;
                        return imageY < 0 || imageX < 0 || imageY >= region.Height || imageX >= region.Width
                            ? 0
                            : pixels[((region.Y + imageY) * image.Width + region.X + imageX) * 3 + channel];
                    }
                    var topLeft = Sample(top, left);
                    var topRight = Sample(top, right);
                    var bottomLeft = Sample(bottom, left);
                    var bottomRight = Sample(bottom, right);
                    var upper = topLeft + (topRight - topLeft) * columnFraction;
                    var lower = bottomLeft + (bottomRight - bottomLeft) * columnFraction;
                    result[(r * size + c) * 3 + channel] = (float)(upper + (lower - upper) * rowFraction);
                }
            }
        }
        return result;
    }

    private static (int Floor, int Ceiling, double Fraction) Source(double position, int length)
    {
        var floor = Math.Max(0, (int)Math.Floor(position));
        return (floor, Math.Min(length - 1, (int)Math.Ceiling(position)), position - floor);
    }
}
