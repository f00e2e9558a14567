using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Persistence;

namespace SmartKiosk.Activities.Issuance.Verification;

/// <summary>Public verification of issued copies, by code or by the PDF itself, and their revocation.</summary>
public sealed class CopyVerifier(IssuanceDbContextFactory factory, SigningKeyStore keys, TimeProvider time)
{
    /// <summary>Placeholder looked up for malformed codes, so that they take the same path as real ones.</summary>
    private const string NoSuchCode = "-";

    public async Task<PublicCopyStatus> ByCodeAsync(string? code, CancellationToken cancellationToken)
    {
        // No early exit: a malformed code runs the same query as a well-formed one, so timing does not
        // tell which codes exist or how they are built.
        var key = VerificationCode.TryParse(code, out var parsed) ? parsed.Value : NoSuchCode;
        await using var db = factory.Create();
        return await StatusAsync(db, db.CertifiedCopies.Where(c => c.VerificationCode == key), cancellationToken);
    }

    public async Task<PdfVerification> ByPdfAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await using var db = factory.Create();
        var copy = await StatusAsync(db, db.CertifiedCopies.Where(c => c.Sha256 == sha), cancellationToken);
        var byteIdentical = copy.Status != CopyStatus.Unknown;
        var signatures = PdfSignatureVerifier.Check(pdf, keys.TrustedRoots);
        var findings = new List<string>();

        if (!byteIdentical)
        {
            findings.Add(PdfFindings.NotIssuedHere);
            // What was it made from? The longest validly signed revision may be an issued copy.
            var signedPrefix = signatures.Where(s => s.Valid).Select(s => s.SignedLength).DefaultIfEmpty(0).Max();
            if (signedPrefix > 0 && signedPrefix < pdf.Length)
            {
                var prefixSha = Convert.ToHexStringLower(SHA256.HashData(pdf.AsSpan(0, (int)signedPrefix)));
                copy = await StatusAsync(db, db.CertifiedCopies.Where(c => c.Sha256 == prefixSha), cancellationToken);
            }
        }
        if (signatures.Count == 0)
        {
            findings.Add(PdfFindings.NotASignedPdf);
        }
        else
        {
            if (signatures.Any(s => !s.Valid))
            {
                findings.Add(PdfFindings.SignatureBroken);
            }
            if (signatures.Any(s => s.Valid && !s.Trusted))
            {
                findings.Add(PdfFindings.UntrustedSigner);
            }
            if (signatures.Count(s => s.Valid) < 2)
            {
                findings.Add(PdfFindings.SignatureMissing);
            }
            if (signatures.Where(s => s.Valid).Select(s => s.SignedLength).DefaultIfEmpty(0).Max() < pdf.Length)
            {
                findings.Add(PdfFindings.ChangedAfterSigning);
            }
        }
        if (copy.Status == CopyStatus.Revoked)
        {
            findings.Add(PdfFindings.Revoked);
        }
        return new PdfVerification(findings.Count == 0, byteIdentical, copy, signatures, findings.Distinct().ToList());
    }

    /// <summary>Revokes a copy (with the reason and the time); the register keeps the number.</summary>
    public async Task<Revocation> RevokeAsync(Guid copyId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var db = factory.Create();
        var copy = await db.CertifiedCopies.FirstOrDefaultAsync(c => c.Id == copyId, cancellationToken);
        if (copy is null)
        {
            return Revocation.NotFound;
        }
        if (copy.RevokedAt is not null)
        {
            return Revocation.AlreadyRevoked;
        }
        copy.RevokedAt = time.GetUtcNow();
        copy.RevocationReason = reason.Length > 1000 ? reason[..1000] : reason;
        await db.SaveChangesAsync(cancellationToken);
        return Revocation.Revoked;
    }

    private static async Task<PublicCopyStatus> StatusAsync(IssuanceDbContext db, IQueryable<CertifiedCopyRecord> copies, CancellationToken cancellationToken)
    {
        var found = await (
            from copy in copies
            join entry in db.RegisterEntries on copy.RegisterEntryId equals entry.Id
            join agency in db.Agencies on copy.AgencyId equals agency.Id
            join officer in db.Officers on entry.OfficerId equals officer.Id
            select new { copy, entry, AgencyName = agency.Name, OfficerName = officer.FullName })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return PublicCopyStatus.Unknown;
        }
        return new PublicCopyStatus(
            found.copy.RevokedAt is null ? CopyStatus.Valid : CopyStatus.Revoked,
            found.copy.DocumentType,
            found.entry.NumberLabel,
            found.entry.BookLabel,
            found.entry.CertificationDate,
            found.AgencyName,
            found.OfficerName,
            found.copy.IssuedAt,
            found.copy.RevokedAt,
            found.copy.RevocationReason);
    }
}
