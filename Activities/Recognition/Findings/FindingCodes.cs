namespace SmartKiosk.Activities.Recognition.Findings;

/// <summary>The stable codes of findings; their texts are in Resources/RecognitionText(.en).resx under "Finding.{code}".</summary>
public static class FindingCodes
{
    public const string DocumentUnrecognised = "document-unrecognised";
    public const string DocumentTypeMismatch = "document-type-mismatch";
    public const string FieldMissing = "field-missing";
    public const string FieldLowConfidence = "field-low-confidence";
    public const string DateInFuture = "date-in-future";
    public const string DateOrder = "date-order";
    public const string IdNumberBirthMismatch = "id-number-birth-mismatch";
    public const string IdCardExpired = "id-card-expired";
    public const string MrzNotFound = "mrz-not-found";
    public const string MrzCheckFailed = "mrz-check-failed";
    public const string QrNotFound = "qr-not-found";
    public const string QrUnreadable = "qr-unreadable";
    public const string SourcesDisagree = "sources-disagree";
    public const string SecretStamp = "secret-stamp";
    public const string NoCopyMark = "no-copy-mark";
    public const string HouseholdBook = "household-book";
    public const string UnreadableArea = "unreadable-area";
    public const string CaptureQuality = "capture-quality";
}
