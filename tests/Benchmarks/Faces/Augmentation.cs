using OpenCvSharp;

namespace SmartKiosk.Benchmarks.Faces;

/// <summary>A change to a live capture that should not change who is in it.</summary>
public sealed record Augmentation(string Name, Func<Mat, Mat> Apply)
{
    public static IReadOnlyList<Augmentation> All { get; } =
    [
        new("jpeg-q30", picture => Reencode(picture, 30)),
        new("half-scale", picture => Resize(picture, 0.5)),
        new("darker", picture => Tone(picture, 0.6, 0)),
        new("brighter", picture => Tone(picture, 1.25, 25)),
        new("blur", picture => Blur(picture, 1.5)),
        new("noise", Noise),
        new("roll+10", picture => Rotate(picture, 10)),
        new("roll-10", picture => Rotate(picture, -10)),
    ];

    private static Mat Reencode(Mat picture, int quality)
    {
        Cv2.ImEncode(".jpg", picture, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return Cv2.ImDecode(bytes, ImreadModes.Color);
    }

    private static Mat Resize(Mat picture, double scale)
    {
        var result = new Mat();
        Cv2.Resize(picture, result, new Size(picture.Width * scale, picture.Height * scale), 0, 0, InterpolationFlags.Area);
        return result;
    }

    private static Mat Tone(Mat picture, double gain, double offset)
    {
        var result = new Mat();
        picture.ConvertTo(result, MatType.CV_8UC3, gain, offset);
        return result;
    }

    private static Mat Blur(Mat picture, double sigma)
    {
        var result = new Mat();
        Cv2.GaussianBlur(picture, result, new Size(0, 0), sigma);
        return result;
    }

    private static Mat Noise(Mat picture)
    {
        using var noise = new Mat(picture.Size(), MatType.CV_16SC3);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(8));
        using var wide = new Mat();
        picture.ConvertTo(wide, MatType.CV_16SC3);
        using var sum = new Mat();
        Cv2.Add(wide, noise, sum);
        var result = new Mat();
        sum.ConvertTo(result, MatType.CV_8UC3);
        return result;
    }

    private static Mat Rotate(Mat picture, double degrees)
    {
        using var matrix = Cv2.GetRotationMatrix2D(new Point2f(picture.Width / 2f, picture.Height / 2f), degrees, 1);
        var result = new Mat();
        Cv2.WarpAffine(picture, result, matrix, picture.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        return result;
    }
}
