using System.ComponentModel;
using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Progress;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.KioskGateway.Kiosk;

public sealed record DocumentTypeView(string Key, LocalizedText Name, string Service, bool HasPortrait, int MaxPages);

public sealed record StartDossierRequest(
    [property: Description("A document type key from GET /api/kiosk/document-types, e.g. cccd.")] string DocumentType);

public sealed record SubmitScanRequest(
    [property: Description("Addresses of the uploaded pages (kind page), in order.")] IReadOnlyList<string> Pages,
    [property: Description("Scanner or Camera: what took the pictures.")] string? Source = null);

public sealed record ConsentRequest(
    [property: Description("The citizen's answer to the face-check consent shown on screen.")] bool Agreed);

public sealed record IdentityRequest(
    [property: Description("Addresses of the uploaded camera frames (kind frame), in the order they were taken.")] IReadOnlyList<string> Frames,
    [property: Description("For documents without a portrait: the address of the citizen's own ID card front (kind id-card).")] string? IdCardFront = null);

public sealed record ConfirmationRequest(
    [property: Description("Where to e-mail the copy, if the citizen wants it.")] string? Email = null,
    [property: Description("Keys of recognised fields the citizen says are wrong: the dossier then goes to the officer, never to auto-approval. The kiosk offers no free editing.")] IReadOnlyList<string>? DisputedFields = null);

public sealed record EmailCopyRequest(
    [property: Description("Where to e-mail the issued copy.")] string Email);

public sealed record ResumeRequest(
    [property: Description("The receipt code, as printed (dashes and case do not matter).")] string ReceiptCode);

public sealed record EnrolRequest(
    [property: Description("The one-time code from the administrator.")] string Code,
    [property: Description("The kiosk's ECDSA P-256 public key, SubjectPublicKeyInfo in base64 (WebCrypto exportKey('spki')).")] string PublicKey);

public sealed record EnrolResponse(string DeviceId, string KeyId, string Scheme);

/// <summary>An upload's address and the quality gate's answer; a page that fails it is not kept.</summary>
public sealed record UploadResponse(string Sha256, string Kind, bool Accepted, int Pages, IReadOnlyList<UploadIssue> Issues);

/// <summary>A dossier as the kiosk shows it.</summary>
public sealed record DossierView(
    Guid DossierId,
    string ReceiptCode,
    DossierStatus Status,
    LocalizedText StatusText,
    [property: Description("What the workflow waits for from the kiosk: kiosk.scan, kiosk.consent, kiosk.identity, kiosk.confirmation, kiosk.rescan; null when it waits for nobody at the kiosk.")] string? Stage,
    LocalizedText? StageText,
    string DocumentType,
    string? RecognisedType,
    IReadOnlyList<FieldValue> Fields,
    [property: Description("Why the last scan could not be read and must be taken again (code and words).")] IReadOnlyList<UploadIssue> QualityIssues,
    IReadOnlyList<DossierReason> Findings,
    JsonObject? Challenge,
    FeeView? Fee,
    [property: Description("While the dossier waits for payment: the order to show as a QR code.")] PaymentView? Payment,
    CopyView? Copy,
    [property: Description("The copy e-mail: queued, sent, failed or no-address; null when none was asked for.")] string? EmailStatus,
    IReadOnlyList<DossierReason> Reasons,
    int Revision,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ExpiresAt);

/// <summary>The issued copy: its code, the verification page, and a signed download link that expires.</summary>
public sealed record CopyView(string VerificationCode, string? VerificationUrl, string? DownloadUrl, DateTimeOffset? DownloadExpiresAt, string? CertificationNumber, string? Book);

/// <summary>The status lookup by receipt code: no personal data, only where the dossier is and its result.</summary>
public sealed record DossierStatusView(string ReceiptCode, DossierStatus Status, LocalizedText StatusText, string DocumentType, DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt, CopyView? Copy, IReadOnlyList<DossierReason> Reasons, bool Resumable);
