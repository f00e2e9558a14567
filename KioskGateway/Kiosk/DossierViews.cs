using SmartKiosk.Activities.Delivery;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Codes;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Dossiers.Progress;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Issuance.Codes;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>Maps a dossier and its progress to what the kiosk and the status lookup show.</summary>
public sealed class DossierViews(DownloadLinks downloads)
{
    public DossierView For(DossierRecord dossier, DossierProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new DossierView(
            dossier.Id,
            Receipt(dossier),
            dossier.Status,
            DossierText.Status(dossier.Status),
            dossier.Stage,
            dossier.Stage is null ? null : DossierText.Stage(dossier.Stage),
            dossier.DocumentType,
            progress?.RecognisedType,
            progress?.Fields ?? [],
            [.. (progress?.QualityIssues ?? []).Select(UploadIssue.Of)],
            progress?.Findings ?? [],
            dossier.Status == DossierStatus.Capturing ? progress?.Challenge : null,
            progress?.Fee,
            dossier.Status == DossierStatus.AwaitingPayment ? progress?.Payment : null,
            Copy(dossier, progress?.Copy),
            dossier.EmailStatus ?? (dossier.ContactEmail is not null && dossier.Status == DossierStatus.Issued ? "queued" : null),
            progress?.Reasons ?? [],
            dossier.Revision,
            dossier.CreatedAt,
            dossier.UpdatedAt,
            dossier.ExpiresAt);
    }

    /// <summary>For anyone holding the receipt: status and result, reasons by code in general words only.</summary>
    public DossierStatusView Status(DossierRecord dossier, DossierProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var reasons = (dossier.Reasons ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => new DossierReason(code, null, DossierText.Reason(code)))
            .ToList();
        return new DossierStatusView(
            Receipt(dossier),
            dossier.Status,
            DossierText.Status(dossier.Status),
            dossier.DocumentType,
            dossier.CreatedAt,
            dossier.UpdatedAt,
            dossier.CompletedAt,
            Copy(dossier, progress?.Copy),
            reasons,
            dossier.Status == DossierStatus.AwaitingRescan);
    }

    private CopyView? Copy(DossierRecord dossier, IssuedCopyView? issued)
    {
        if (dossier.Status != DossierStatus.Issued || dossier.VerificationCode is null)
        {
            return null;
        }
        var link = dossier.CopyId is { } copyId ? downloads.Create(copyId) : null;
        var code = VerificationCode.TryParse(dossier.VerificationCode, out var parsed) ? parsed.Formatted : dossier.VerificationCode;
        return new CopyView(code, issued?.VerificationUrl, link?.Url, link?.ExpiresAt, issued?.CertificationNumber, issued?.Book);
    }

    private static string Receipt(DossierRecord dossier) =>
        ReceiptCode.TryParse(dossier.ReceiptCode, out var code) ? code.Formatted : dossier.ReceiptCode;
}
