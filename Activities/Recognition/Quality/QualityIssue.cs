namespace SmartKiosk.Activities.Recognition.Quality;

/// <summary>
/// Why a capture cannot be read well, as a code the kiosk turns into an instruction
/// ("hold still", "tilt the card away from the light"), with what was measured against what limit.
/// </summary>
public sealed record QualityIssue(string Code, double Measured, double Limit)
{
    public const string TooBlurred = "too-blurred";
    public const string Glare = "glare";
    public const string NotFullyInFrame = "not-fully-in-frame";
    public const string ResolutionTooLow = "resolution-too-low";
    public const string TooDark = "too-dark";
    public const string DocumentNotFound = "document-not-found";
}

/// <summary>The quality gate's verdict on one page, with the measurements behind it.</summary>
public sealed record QualityReport(IReadOnlyList<QualityIssue> Issues, double Sharpness, double GlareShare, double Brightness, int DocumentLongSide)
{
    public bool Passed => Issues.Count == 0;
}
