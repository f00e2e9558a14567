using System.Runtime.InteropServices;
using OpenCvSharp;
using SmartKiosk.Activities.Faces.Landmarks;
using SmartKiosk.Activities.Recognition;

namespace SmartKiosk.Activities.Faces.Imaging;

/// <summary>Conversions between OpenCV images and <see cref="RgbImage"/>, and the rotations roll correction needs.</summary>
public static class FaceImages
{
    /// <summary>
    /// An RGB copy of a BGR (or grey, or BGRA) image, scaled down so that its long side is at most
    /// <paramref name="maxSide"/>: a face needs no more, and it bounds the work per frame.
    /// </summary>
    public static RgbImage FromMat(Mat image, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(image);
        NativeLibraries.EnsureLoaded();
        using var rgb = new Mat();
        var code = image.Channels() switch
        {
            1 => ColorConversionCodes.GRAY2RGB,
            4 => ColorConversionCodes.BGRA2RGB,
            _ => ColorConversionCodes.BGR2RGB,
        };
        Cv2.CvtColor(image, rgb, code);
        var longSide = Math.Max(rgb.Width, rgb.Height);
        if (longSide > maxSide)
        {
            var scale = (double)maxSide / longSide;
            Cv2.Resize(rgb, rgb, new Size(Math.Max(1, (int)Math.Round(rgb.Width * scale)), Math.Max(1, (int)Math.Round(rgb.Height * scale))), 0, 0, InterpolationFlags.Area);
        }
        return Copy(rgb);
    }

    public static Mat ToMat(RgbImage image)
    {
        var mat = new Mat(image.Height, image.Width, MatType.CV_8UC3);
        Marshal.Copy(image.Pixels, 0, mat.Data, image.Pixels.Length);
        return mat;
    }

    public static RgbImage Crop(RgbImage image, PixelRect region)
    {
        var pixels = new byte[region.Width * region.Height * 3];
        for (var y = 0; y < region.Height; y++)
        {
            Array.Copy(image.Pixels, ((region.Y + y) * image.Width + region.X) * 3, pixels, y * region.Width * 3, region.Width * 3);
        }
        return new RgbImage(region.Width, region.Height, pixels);
    }

    /// <summary>
    /// The image turned by <paramref name="degrees"/> about <paramref name="centre"/> (counter-clockwise
    /// on screen for positive angles, OpenCV's convention), and the map from old to new coordinates.
    /// </summary>
    public static (RgbImage Image, Func<FacePoint, FacePoint> Map) Rotate(RgbImage image, FacePoint centre, double degrees)
    {
        NativeLibraries.EnsureLoaded();
        using var source = ToMat(image);
        using var matrix = Cv2.GetRotationMatrix2D(new Point2f((float)centre.X, (float)centre.Y), degrees, 1);
        using var rotated = new Mat();
        Cv2.WarpAffine(source, rotated, matrix, source.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        var m = new double[6];
        for (var i = 0; i < 6; i++)
        {
            m[i] = matrix.At<double>(i / 3, i % 3);
        }
        return (Copy(rotated), p => new FacePoint(m[0] * p.X + m[1] * p.Y + m[2], m[3] * p.X + m[4] * p.Y + m[5]));
    }

    private static RgbImage Copy(Mat rgb)
    {
        var pixels = new byte[rgb.Width * rgb.Height * 3];
        using var continuous = rgb.IsContinuous() ? null : rgb.Clone();
        Marshal.Copy((continuous ?? rgb).Data, pixels, 0, pixels.Length);
        return new RgbImage(rgb.Width, rgb.Height, pixels);
    }
}
