namespace SmartKiosk.Activities.Faces;

/// <summary>What makes a face in a picture usable for a decision (configuration section <c>Faces:Selection</c>).</summary>
public sealed class FaceSelectionOptions
{
    public const string SectionName = "Faces:Selection";

    /// <summary>
    /// Detector confidence a face needs. face-api's default of 0.5 misses some real faces; a kiosk
    /// can go lower because it then requires one dominant face.
    /// </summary>
    public double DetectionThreshold { get; set; } = 0.25;

    /// <summary>Detector confidence of a clear face: the largest clear face is the one a picture is about.</summary>
    public double ConfidentScore { get; set; } = 0.5;

    /// <summary>A second face at least this share of the largest face's area means "several faces" (both clear; smaller ones are bystanders far behind).</summary>
    public double RivalAreaShare { get; set; } = 0.3;

    /// <summary>Minimum distance between the outer eye corners, in pixels, for a descriptor worth trusting.</summary>
    public double MinEyeSpanPixels { get; set; } = 28;

    /// <summary>Below this eye aspect ratio the eyes count as closed.</summary>
    public double ClosedEyeAspectRatio { get; set; } = 0.18;

    /// <summary>Beyond this yaw ratio (−1…1) the face is too turned for matching.</summary>
    public double MaxYawRatio { get; set; } = 0.65;

    /// <summary>Roll (degrees) above which the picture is turned level before the descriptor.</summary>
    public double RollCorrectionAboveDegrees { get; set; } = 3;

    /// <summary>Long side, in pixels, pictures are scaled down to before analysis.</summary>
    public int MaxImageSide { get; set; } = 1600;
}
