namespace SmartKiosk.Activities.Faces.Matching;

/// <summary>
/// Descriptor distances that decide a match: below <see cref="AcceptBelow"/> a match, from there up
/// to <see cref="ReviewBelow"/> an officer decides, above it no match. The defaults come from the
/// face-api demo faces (different people never closer than 0.54; see docs/benchmarks.md) and must be
/// recalibrated on real pairs.
/// </summary>
public sealed record FaceMatchThresholds(double AcceptBelow = FaceMatchThresholds.DefaultAccept, double ReviewBelow = FaceMatchThresholds.DefaultReview)
{
    public const double DefaultAccept = 0.50;
    public const double DefaultReview = 0.55;

    public static FaceMatchThresholds Default { get; } = new();

    /// <summary>Null when valid, otherwise what is wrong (for an administrator's input).</summary>
    public string? Problem() =>
        AcceptBelow <= 0 || AcceptBelow > 2 ? "AcceptBelow must be between 0 and 2."
        : ReviewBelow < AcceptBelow || ReviewBelow > 2 ? "ReviewBelow must be between AcceptBelow and 2."
        : null;
}
