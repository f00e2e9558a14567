namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>A deliberately bad capture, for exercising the quality gate.</summary>
public enum QualityDefect
{
    None,

    /// <summary>Gaussian blur with sigma of at least 4 px.</summary>
    HeavyBlur,

    /// <summary>A saturated white blob covering at least 10% of the document.</summary>
    Glare,

    /// <summary>The document runs past an image edge, so at least one corner is missing.</summary>
    CutOff,

    /// <summary>Cards at most 400 px wide (A4 pages at most 700 px wide).</summary>
    LowResolution,

    /// <summary>Heavily underexposed.</summary>
    Dark,
}
