namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>A rectangle as fractions (0–1) of the normalised document's width and height.</summary>
public sealed record RelativeZone(double X, double Y, double Width, double Height)
{
    /// <summary>The zone in pixels of a <paramref name="width"/>×<paramref name="height"/> image, clipped to it.</summary>
    public (int X, int Y, int Width, int Height) ToPixels(int width, int height)
    {
        var left = Math.Clamp((int)Math.Round(X * width), 0, width - 1);
        var top = Math.Clamp((int)Math.Round(Y * height), 0, height - 1);
        var right = Math.Clamp((int)Math.Round((X + Width) * width), left + 1, width);
        var bottom = Math.Clamp((int)Math.Round((Y + Height) * height), top + 1, height);
        return (left, top, right - left, bottom - top);
    }
}
