using System.Text.Json.Nodes;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Dossiers.Progress;

/// <summary>
/// What a dossier's workflow has produced so far, as the kiosk shows it: the status and the stage it
/// waits in, the recognised fields, the findings, the liveness challenge, the fee, the result.
/// </summary>
public sealed record DossierProgress
{
    public required DossierStatus Status { get; init; }

    /// <summary>The kiosk input the workflow waits for (kiosk.scan, kiosk.consent, …), if any.</summary>
    public string? Stage { get; init; }

    /// <summary>The name of the step the workflow is in or last finished, for the progress screen.</summary>
    public string? CurrentStep { get; init; }

    public string? RecognisedType { get; init; }
    public IReadOnlyList<FieldValue> Fields { get; init; } = [];

    /// <summary>Capture problems of the last scan the citizen can fix by scanning again.</summary>
    public IReadOnlyList<string> QualityIssues { get; init; } = [];

    public IReadOnlyList<DossierReason> Findings { get; init; } = [];

    /// <summary>The liveness challenge the kiosk must show while it films the face.</summary>
    public JsonObject? Challenge { get; init; }

    public FeeView? Fee { get; init; }

    /// <summary>The fee order the kiosk shows as a QR code while the dossier waits for payment.</summary>
    public PaymentView? Payment { get; init; }
    public IssuedCopyView? Copy { get; init; }

    /// <summary>Why the dossier is refused, or why an officer must look.</summary>
    public IReadOnlyList<DossierReason> Reasons { get; init; } = [];

    public string? FaultMessage { get; init; }
}

/// <summary>A recognised field; <paramref name="Label"/> is the template's name for it, none for technical fields (MRZ lines) people are not shown.</summary>
public sealed record FieldValue(string Key, string Value, double Confidence, LocalizedText? Label = null);

public sealed record PaymentView(string Reference, string QrPayload, long AmountDong, DateTimeOffset? ExpiresAt);

public sealed record FeeView(long PerCopyDong, long TotalDong, string TotalText);

public sealed record IssuedCopyView(string VerificationCode, string? VerificationUrl, Guid? CopyId, string? CertificationNumber, string? Book);
