using OpenCvSharp;

namespace SmartKiosk.Activities.Intake;

/// <summary>Rotates and mirrors a decoded image so that it is upright, per the EXIF orientation tag (1–8).</summary>
public static class ExifOrientation
{
    /// <summary>Returns the upright image; the input is disposed when a new one had to be made.</summary>
    public static Mat Apply(Mat image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        var result = new Mat();
        switch (orientation)
        {
            case 2: Cv2.Flip(image, result, FlipMode.Y); break;
            case 3: Cv2.Rotate(image, result, RotateFlags.Rotate180); break;
            case 4: Cv2.Flip(image, result, FlipMode.X); break;
            case 5: Cv2.Transpose(image, result); break;
            case 6: Cv2.Rotate(image, result, RotateFlags.Rotate90Clockwise); break;
            case 7:
                Cv2.Transpose(image, result);
                Cv2.Flip(result, result, FlipMode.XY);
                break;
            default: Cv2.Rotate(image, result, RotateFlags.Rotate90Counterclockwise); break;
        }

        image.Dispose();
        return result;
    }
}
