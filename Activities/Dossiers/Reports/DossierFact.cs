namespace SmartKiosk.Activities.Dossiers.Reports;

/// <summary>A dossier as statistics see it: where and when, what it was for and how it ended. No personal data.</summary>
public sealed record DossierFact(
    Guid Id,
    string DeviceId,
    string AgencyId,
    string DocumentType,
    DossierStatus Status,
    IReadOnlyList<string> Reasons,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DateTime? CompletedAt,
    long? FeeDong);
