using OpenCvSharp;
using ZXing;
using ZXing.Common;

namespace SmartKiosk.Activities.Recognition.Barcodes;

/// <summary>
/// Decodes the QR code printed on a document (the ID card's, the land certificate's) with ZXing,
/// trying the document as it is, then enlarged (small modules on a 300-dpi card) and then
/// sharpened by Otsu's threshold (a photo's soft edges).
/// </summary>
public static class QrCodeReader
{
    public static string? Read(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        using var grey = Imaging.Greyscale.Of(bgr);

        if (Decode(grey) is { } text)
        {
            return text;
        }

        using var larger = new Mat();
        Cv2.Resize(grey, larger, new Size(0, 0), 2, 2, InterpolationFlags.Cubic);
        if (Decode(larger) is { } enlarged)
        {
            return enlarged;
        }

        using var binary = new Mat();
        Cv2.Threshold(larger, binary, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        return Decode(binary);
    }

    private static string? Decode(Mat grey)
    {
        var width = grey.Width;
        var height = grey.Height;
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            System.Runtime.InteropServices.Marshal.Copy(grey.Ptr(y), pixels, y * width, width);
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions
            {
                PossibleFormats = [BarcodeFormat.QR_CODE],
                TryHarder = true,
                CharacterSet = "UTF-8",
            },
        };
        var result = reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
        return result?.Text;
    }
}
