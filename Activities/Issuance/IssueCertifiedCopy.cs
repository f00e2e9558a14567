using Microsoft.Extensions.Logging;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Issuance.Signing;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Issuance;

/// <summary>
/// Issues the certified e-copy of the dossier's original: register number, statement, the officer's
/// signature and the agency seal (PAdES B-T), stored by its hash and verifiable by its code. Failed
/// when a certificate cannot sign (the number is voided and an officer must act); other errors fault
/// the step so it can be retried.
/// </summary>
[Activity("IssueCertifiedCopy", Category = "Issuance", DisplayName = "Issue certified copy", Description = "Renders, signs (officer and agency seal), stores and registers the certified electronic copy.")]
[Outcomes(Issued, Failed)]
public sealed class IssueCertifiedCopy(CopyIssuer issuer, ScannedPageReader pages, ITemplateStore templates) : Activity
{
    public const string Issued = "Issued";
    public const string Failed = "Failed";

    [Input(Description = "The certifying agency (commune or ward).", Required = true)]
    public string AgencyId { get; set; } = "";

    [Input(Description = "The officer who approved and signs.", Required = true)]
    public string OfficerId { get; set; } = "";

    [Input(Description = "Identifies the original within the agency (e.g. the dossier id): a second copy of it keeps its register number.", Required = true)]
    public string OriginalKey { get; set; } = "";

    [Input(Description = "The original's document type (template id), e.g. outputs.recognise.DocumentType.", Required = true)]
    public string DocumentType { get; set; } = "";

    [Input(Description = "Blob addresses of the scanned pages, in order.", Required = true, IsPersonalData = true)]
    public List<string> Pages { get; set; } = [];

    [Input(Description = "The fee charged for this copy, in đồng.", DefaultJson = "0")]
    public long FeeDong { get; set; }

    [Output(Description = "The public verification code (printed on the copy).")]
    public string? VerificationCode { get; set; }

    [Output(Description = "The public verification URL the QR code opens.")]
    public string? VerificationUrl { get; set; }

    [Output(Description = "Certification number and book, e.g. 12/2026 and 01/2026-SCTĐT/BS.")]
    public string? CertificationNumber { get; set; }

    [Output]
    public string? Book { get; set; }

    [Output(Description = "SHA-256 of the signed PDF: its address in the blob store.")]
    public string? Sha256 { get; set; }

    [Output]
    public Guid? CopyId { get; set; }

    [Output(Description = "Why the copy could not be issued, when it could not.")]
    public string? FailureReason { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = (await templates.GetAllAsync(context.CancellationToken)).FirstOrDefault(t => t.Id == DocumentType);
        var name = template?.Name ?? new LocalizedText(DocumentType, DocumentType);
        var shape = template is null ? null : DocumentShape.Named(template.Shape);
        var scanned = await pages.ReadAsync(Pages, shape, context.CancellationToken);
        try
        {
            var copy = await issuer.IssueAsync(
                new IssueRequest(AgencyId, OfficerId, OriginalKey, DocumentType, name, scanned, FeeDong), context.CancellationToken);
            (VerificationCode, VerificationUrl, CertificationNumber, Book, Sha256, CopyId) =
                (copy.VerificationCode, copy.VerificationUrl, copy.NumberLabel, copy.BookLabel, copy.Sha256, copy.CopyId);
            return ActivityResult.Complete(Issued);
        }
        catch (CertificateNotUsableException exception)
        {
            FailureReason = exception.Message;
            context.Logger.LogWarning("Copy not issued for agency {AgencyId}: {Reason}", AgencyId, exception.Message);
            return ActivityResult.Complete(Failed);
        }
    }
}
