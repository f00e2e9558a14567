namespace SmartKiosk.KioskGateway.Problems;

/// <summary>The kiosk API's errors; each has a stable type URI and a vi/en title (Resources/KioskText).</summary>
public enum KioskProblem
{
    Unsigned,
    Expired,
    UnknownCredential,
    BadSignature,
    DeviceDisabled,
    Replayed,
    DossierNotFound,
    IdempotencyKeyMissing,
    IdempotencyKeyReused,
    RequestInProgress,
    UploadTooLarge,
    UploadUnreadable,
    WrongStage,
    UnknownDocumentType,
    InvalidInput,
    ReceiptNotFound,
    TooManyRequests,
    EnrolmentRefused,
    NoWorkflow,
    TooManyPages,
    InvalidGrant,
}
