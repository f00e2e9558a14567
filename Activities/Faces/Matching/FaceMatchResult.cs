namespace SmartKiosk.Activities.Faces.Matching;

/// <summary>
/// The decision with what it rests on: the distance (null when no comparison was possible), the
/// thresholds it was judged by, how many live frames were used, and the reasons. No descriptor and
/// no image: this goes into the dossier and the logs.
/// </summary>
public sealed record FaceMatchResult(
    FaceMatchOutcome Outcome,
    double? Distance,
    FaceMatchThresholds Thresholds,
    int FramesUsed,
    int FramesOffered,
    IReadOnlyList<FaceReason> Reasons);
