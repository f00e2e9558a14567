using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>An 8-bit single-channel, continuous copy of a grey, BGR or BGRA image: what OCR, QR decoding and the quality measures read.</summary>
public static class Greyscale
{
    public static Mat Of(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grey = new Mat();
        switch (image.Channels())
        {
            case 1:
                image.CopyTo(grey);
                break;
            case 4:
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGRA2GRAY);
                break;
            default:
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
                break;
        }

        return grey;
    }
}
