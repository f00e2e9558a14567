using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Issuance.Timestamps;

namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>
/// Applies the two signatures a certified e-copy needs (Decree 45/2020 Art. 10(3)): first the
/// certifying officer's, then the agency's seal as an incremental update that keeps the first valid;
/// both PAdES baseline with a time-stamp (B-T). Each certificate is checked before it is used.
/// </summary>
public sealed class CopySigner(ITimestampAuthority timestamps, CertificateCheck check, TimeProvider time)
{
    public async Task<byte[]> SignAsync(byte[] unsigned, Officer officer, ISigningKey officerKey, Agency agency, ISigningKey sealKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(agency);
        check.EnsureUsable(officerKey);
        check.EnsureUsable(sealKey);
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), HanoiTime.Zone);

        var signed = await PdfIncrementalSigner.SignAsync(
            unsigned,
            new PdfSignatureRequest(CopyRenderer.OfficerField, officer.FullName, "Chứng thực bản sao từ bản chính (certified true copy)", agency.Name, now),
            (content, ct) => CadesSignature.CreateAsync(content, officerKey, timestamps, ct),
            cancellationToken);
        return await PdfIncrementalSigner.SignAsync(
            signed,
            new PdfSignatureRequest(CopyRenderer.SealField, agency.Name, "Đóng dấu cơ quan thực hiện chứng thực (agency seal)", agency.Province, now),
            (content, ct) => CadesSignature.CreateAsync(content, sealKey, timestamps, ct),
            cancellationToken);
    }
}
