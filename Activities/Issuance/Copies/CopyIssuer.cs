using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Issuance.Signing;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Issuance.Copies;

/// <summary>
/// Issues one certified copy: number in the register, render, officer's signature and agency seal,
/// store the PDF (its SHA-256 is its address), record the copy. A number given to a copy that then
/// fails is voided with the reason, never reused.
/// </summary>
public sealed class CopyIssuer(
    CertificationRegister register,
    IssuanceDbContextFactory factory,
    SigningKeyStore keys,
    CopySigner signer,
    IBlobStore blobs,
    IOptionsMonitor<IssuanceOptions> options,
    TimeProvider time,
    ILogger<CopyIssuer> logger)
{
    public async Task<IssuedCopy> IssueAsync(IssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agency, officer) = await LoadAsync(request, cancellationToken);
        var entry = await register.NumberAsync(
            new NumberRequest(agency.Id, request.OriginalKey, request.DocumentType, officer.Id, request.Pages.Count, request.FeeDong), cancellationToken);
        try
        {
            var code = VerificationCode.New();
            // Read once per copy: the statement an administrator saves applies to the next copy, never half of one.
            var settings = options.CurrentValue;
            var url = settings.VerificationUrl(code.Value);
            var content = new CertifiedCopyContent(request.Pages, request.DocumentName, entry.NumberLabel, entry.BookLabel,
                entry.CertificationDate, time.GetUtcNow(), agency, officer, request.FeeDong, code.Formatted, url);
            var unsigned = CopyRenderer.Render(content, Statement(settings.StatementTemplate, content));
            byte[] signed;
            using (var officerKey = await keys.OfficerKeyAsync(officer, agency, cancellationToken))
            using (var sealKey = keys.SealKey(agency))
            {
                signed = await signer.SignAsync(unsigned, officer, officerKey, agency, sealKey, cancellationToken);
            }

            using var stream = new MemoryStream(signed, writable: false);
            var stored = await blobs.PutAsync(stream, cancellationToken);
            var copy = new CertifiedCopyRecord
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                RegisterEntryId = entry.Id,
                AgencyId = agency.Id,
                VerificationCode = code.Value,
                Sha256 = stored.Sha256,
                Length = stored.Length,
                DocumentType = request.DocumentType,
                IssuedAt = content.IssuedAt,
            };
            await using (var db = factory.Create())
            {
                db.CertifiedCopies.Add(copy);
                await db.SaveChangesAsync(cancellationToken);
            }
            await register.MarkIssuedAsync(entry.Id, cancellationToken);
            logger.LogInformation("Issued copy {CopyId} as {Number} ({Book}) for agency {AgencyId}", copy.Id, entry.NumberLabel, entry.BookLabel, agency.Id);
            return new IssuedCopy(copy.Id, code.Formatted, url, entry.NumberLabel, entry.BookLabel, entry.CertificationDate, stored.Sha256, stored.Length);
        }
        catch (Exception exception) when (entry.Status == RegisterEntryStatus.Allocated)
        {
            // Only a number taken for this copy is voided; an original's number that already has copies stays issued.
            await register.VoidAsync(entry.Id, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The configured statement, or the default when it does not render or fit for this copy: the check at save
    /// time uses samples, and a wording that fails on a real copy must not void the register number it just took.
    /// </summary>
    private string Statement(string? configured, CertifiedCopyContent content)
    {
        if (configured is not { Length: > 0 })
        {
            return StatementTemplate.Default;
        }
        try
        {
            if (CopyRenderer.StatementFits(StatementTemplate.Render(configured, content)))
            {
                return configured;
            }
            logger.LogError("The configured statement does not fit the statement page of copy {Number}; the default statement is used", content.CertificationNumber);
        }
        catch (Exception ex)
        {
            // Any failure of the administrator's wording (steps, length, a filter) falls back; the copy is still made.
            logger.LogError(ex, "The configured statement does not render for copy {Number}; the default statement is used", content.CertificationNumber);
        }
        return StatementTemplate.Default;
    }

    private async Task<(Agency Agency, Officer Officer)> LoadAsync(IssueRequest request, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown agency '{request.AgencyId}'.");
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OfficerId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown officer '{request.OfficerId}'.");
        if (officer.AgencyId != agency.Id)
        {
            throw new InvalidOperationException($"Officer '{officer.Id}' does not certify for agency '{agency.Id}'.");
        }
        return (new Agency(agency.Id, agency.Name, agency.Province, agency.BookSuffix), new Officer(officer.Id, officer.AgencyId, officer.FullName, officer.Title));
    }
}
