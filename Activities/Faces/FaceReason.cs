using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Faces;

/// <summary>Why a face check came out as it did, with the words the kiosk and the clerk show.</summary>
public sealed record FaceReason(string Code, LocalizedText Message)
{
    public static FaceReason Of(string code) => new(code, FaceText.Get("Reason." + code));
}

/// <summary>The reason codes of face matching and liveness.</summary>
public static class FaceReasonCodes
{
    public const string NoFace = "no-face";
    public const string SeveralFaces = "several-faces";
    public const string FaceTooSmall = "face-too-small";
    public const string EyesClosed = "eyes-closed";
    public const string FaceTurned = "face-turned";
    public const string ImageUnreadable = "image-unreadable";
    public const string PortraitNoFace = "portrait-no-face";
    public const string PortraitSeveralFaces = "portrait-several-faces";
    public const string PortraitTooSmall = "portrait-too-small";
    public const string NoPortraitZone = "no-portrait-zone";
    public const string ConsentMissing = "consent-missing";
    public const string DistanceInReviewBand = "distance-in-review-band";
    public const string DistanceAboveThreshold = "distance-above-threshold";
    public const string NoBlink = "no-blink";
    public const string NoTurnLeft = "no-turn-left";
    public const string NoTurnRight = "no-turn-right";
    public const string WrongOrder = "wrong-order";
    public const string FaceChanged = "face-changed";
    public const string TooFewFrames = "too-few-frames";
    public const string ChallengeExpired = "challenge-expired";
}
