namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>
/// The physical formats the kiosk takes, by aspect ratio: ID-1 cards (85.6 × 54 mm) and A4 sheets,
/// each with the size a rectified page is normalised to (about 300 dpi for cards, 200 dpi for A4:
/// enough for Tesseract's x-height, cheap enough for a one-second budget).
/// </summary>
public sealed record DocumentShape(string Name, double AspectRatio, int LongSide)
{
    public static readonly DocumentShape Card = new("card", 85.6 / 54.0, 1011);
    public static readonly DocumentShape A4 = new("a4", 297.0 / 210.0, 2339);

    /// <summary>The shape a template declares (card, a4), or null for any.</summary>
    public static DocumentShape? Named(string name) => name switch { "card" => Card, "a4" => A4, _ => null };

    public static DocumentShape ClosestTo(double longOverShort) =>
        Math.Abs(longOverShort - Card.AspectRatio) < Math.Abs(longOverShort - A4.AspectRatio) ? Card : A4;

    public OpenCvSharp.Size SizeFor(bool landscape)
    {
        var shortSide = (int)Math.Round(LongSide / AspectRatio);
        return landscape ? new OpenCvSharp.Size(LongSide, shortSide) : new OpenCvSharp.Size(shortSide, LongSide);
    }
}
