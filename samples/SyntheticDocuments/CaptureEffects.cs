namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>
/// What the capture stage did to the flat rendering, so a test can relate a failure to a cause.
/// </summary>
/// <param name="Width">Output image width in pixels.</param>
/// <param name="Height">Output image height in pixels.</param>
/// <param name="DocumentCorners">
/// Where the document's corners ended up in the output image: x,y of top-left, top-right, bottom-right,
/// bottom-left (8 numbers). Corners may lie outside the image for <see cref="QualityDefect.CutOff"/>.
/// </param>
/// <param name="Perspective">True when the page was warped by a homography (photos).</param>
/// <param name="MaxCornerShift">Largest corner displacement of the perspective warp, as a share of the document size.</param>
/// <param name="SkewDegrees">In-plane rotation of the document.</param>
/// <param name="BlurSigma">Gaussian blur sigma in output pixels (0 = none).</param>
/// <param name="NoiseSigma">Standard deviation of the additive per-pixel noise, in 8-bit levels.</param>
/// <param name="JpegQuality">JPEG quality, or null for PNG.</param>
/// <param name="LightGradient">Strength of the uneven-light falloff (0 = even light, 1 = black at the dark edge).</param>
/// <param name="LightAngleDegrees">Direction the light falls off towards.</param>
/// <param name="Glare">True when a glare spot was painted.</param>
/// <param name="GlareRadius">Radius of the glare spot in output pixels (0 = none).</param>
/// <param name="Exposure">Multiplier applied to brightness (1 = normal).</param>
/// <param name="DocumentWidthShare">Document width over image width.</param>
/// <param name="Defect">The injected quality defect.</param>
public sealed record CaptureEffects(
    int Width,
    int Height,
    IReadOnlyList<double> DocumentCorners,
    bool Perspective,
    double MaxCornerShift,
    double SkewDegrees,
    double BlurSigma,
    double NoiseSigma,
    int? JpegQuality,
    double LightGradient,
    double LightAngleDegrees,
    bool Glare,
    double GlareRadius,
    double Exposure,
    double DocumentWidthShare,
    QualityDefect Defect);
