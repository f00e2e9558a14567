namespace SmartKiosk.Activities.Recognition.Quality;

/// <summary>
/// Capture-quality thresholds, bound from <c>Recognition:Quality</c>. Defaults were set on generated
/// captures (samples/SyntheticDocuments, tuning seeds only) and FPT.AI's published minimums
/// (image ≥ 640×480, card ≥ ¼ of the frame).
/// </summary>
public sealed class QualityOptions
{
    public const string SectionName = "Recognition:Quality";

    /// <summary>The 99th percentile of |Laplacian| on the normalised document: sharp print scores 100+.</summary>
    public double MinSharpness { get; set; } = 80;

    /// <summary>Share of the document covered by one saturated spot away from the edges.</summary>
    public double MaxGlareShare { get; set; } = 0.08;

    /// <summary>Mean brightness (0–255) of the document below which it is underexposed.</summary>
    public double MinBrightness { get; set; } = 70;

    /// <summary>The document's long side in the capture, in pixels, per shape.</summary>
    public int MinCardLongSide { get; set; } = 600;

    public int MinA4LongSide { get; set; } = 1400;

    /// <summary>The document's share of a camera frame below which it is too far away to read.</summary>
    public double MinCoverage { get; set; } = 0.05;
}
