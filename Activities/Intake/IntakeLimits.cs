namespace SmartKiosk.Activities.Intake;

/// <summary>Limits on an uploaded scan, bound from <c>Intake</c>. A kiosk page scan is a few MB and under 40 megapixels.</summary>
public sealed class IntakeLimits
{
    public const string SectionName = "Intake";

    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Width × height a decoder would allocate: the decompression-bomb guard, checked before decoding.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    public int MaxPages { get; set; } = 20;
}
