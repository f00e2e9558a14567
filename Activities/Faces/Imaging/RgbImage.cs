namespace SmartKiosk.Activities.Faces.Imaging;

/// <summary>An 8-bit RGB image, row-major, three bytes per pixel: the form the face networks read.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"{pixels.Length} bytes do not make a {width}×{height} RGB image.", nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }
}
