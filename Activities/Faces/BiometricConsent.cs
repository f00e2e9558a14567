using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Faces;

/// <summary>
/// The citizen's answer to the face-check consent (Decree 13/2023: biometric data is sensitive
/// personal data and needs explicit consent for a stated purpose). Kept with the dossier.
/// </summary>
public sealed record BiometricConsent(bool Given, DateTimeOffset RecordedAt, string TextVersion, string Purpose)
{
    public const string CurrentTextVersion = "face-check-v1";
    public const string FaceVerificationPurpose = "face-verification";

    /// <summary>The words shown to the citizen for <see cref="CurrentTextVersion"/>.</summary>
    public static LocalizedText Text => FaceText.Get("Consent.FaceCheck");
}
