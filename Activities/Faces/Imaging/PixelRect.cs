namespace SmartKiosk.Activities.Faces.Imaging;

/// <summary>A whole-pixel rectangle inside an image.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;
}
