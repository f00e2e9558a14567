namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>The liveness decision with what it rests on (no images, no landmarks: this goes into the dossier).</summary>
public sealed record LivenessResult(
    LivenessOutcome Outcome,
    string ChallengeId,
    IReadOnlyList<LivenessStep> Asked,
    IReadOnlyList<LivenessStep> Seen,
    int FramesWithFace,
    int FramesOffered,
    IReadOnlyList<FaceReason> Reasons);
