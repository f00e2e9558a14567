using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>Colours used across templates.</summary>
public static class Ink
{
    public static readonly SKColor Black = new(0x1A, 0x1A, 0x1E);
    public static readonly SKColor DarkBlue = new(0x1B, 0x2A, 0x5C);
    public static readonly SKColor Red = new(0xC6, 0x1F, 0x24);
    public static readonly SKColor StampRed = new(0xD2, 0x22, 0x2A, 0xD8);
    public static readonly SKColor Gold = new(0xF2, 0xC3, 0x1B);
    public static readonly SKColor Label = new(0x2E, 0x2E, 0x38);
    public static readonly SKColor Paper = new(0xFB, 0xFA, 0xF5);
}
