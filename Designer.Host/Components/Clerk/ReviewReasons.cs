namespace SmartKiosk.Designer.Host.Components.Clerk;

/// <summary>Why a dossier waits for the officer (the workflow's inbox labels), in the order the filter offers them.</summary>
public static class ReviewReasons
{
    public static IReadOnlyList<string> Codes { get; } =
    [
        "disputed-fields", "face-review", "document-unrecognised", "document-type-mismatch", "field-missing", "field-low-confidence",
        "sources-disagree", "id-card-expired", "id-number-birth-mismatch", "date-in-future", "date-order", "mrz-not-found", "mrz-check-failed",
        "qr-not-found", "qr-unreadable", "secret-stamp", "no-copy-mark", "household-book", "unreadable-area", "capture-quality",
    ];
}
