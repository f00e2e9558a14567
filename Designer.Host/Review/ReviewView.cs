using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// Everything the officer needs to decide one dossier: the task, the dossier, the recognised fields with
/// the doubtful characters marked, the findings with their reasons, the face-match distance and the
/// liveness result (numbers and reasons only: no face images), and the dossier's journal.
/// </summary>
public sealed record ReviewView(
    InboxItem Task,
    string? Description,
    ReviewDossier? Dossier,
    IReadOnlyList<ReviewField> Fields,
    IReadOnlyList<ReviewFinding> Findings,
    FaceCheck? Face,
    LivenessCheck? Liveness,
    IReadOnlyList<string> DisputedFields,
    long FeeDong,
    int PageCount,
    ReviewDecision? Decision,
    IReadOnlyList<JournalLine> Journal);

public sealed record ReviewDossier(Guid Id, string ReceiptCode, DossierStatus Status, string DocumentType, string AgencyId, string DeviceId, DateTime? SubmittedAt, bool PagesPurged);

/// <summary>
/// A recognised field. <see cref="Shown"/> is what the doubtful-character marks refer to: the value itself
/// when it is what was read, otherwise the raw text as read (<see cref="ShowsRaw"/>).
/// </summary>
public sealed record ReviewField(
    string Key,
    LocalizedText? Label,
    string Value,
    double Confidence,
    bool LowConfidence,
    string Source,
    bool Disputed,
    bool ShowsRaw,
    IReadOnlyList<TextSegment> Shown);

public sealed record TextSegment(string Text, bool Doubtful);

public sealed record ReviewFinding(string Code, string Severity, string? Field, LocalizedText Message);

public sealed record FaceCheck(string Outcome, double? Distance, double AcceptBelow, double ReviewBelow, int FramesUsed, IReadOnlyList<LocalizedText> Reasons);

public sealed record LivenessCheck(string Outcome, IReadOnlyList<string> Asked, IReadOnlyList<string> Seen, IReadOnlyList<LocalizedText> Reasons);

/// <summary>What was decided on a completed task: by whom, which action, the corrections and the grounds.</summary>
public sealed record ReviewDecision(string Action, string? By, DateTime? At, IReadOnlyList<string> CorrectedFields, IReadOnlyList<string> Grounds, string? Note);

public sealed record JournalLine(DateTime At, string Subject, string Action, string Actor);
