using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Issuance.Rendering;

/// <summary>Everything printed on one certified copy.</summary>
/// <param name="Pages">The scanned pages, in order, with their physical size.</param>
/// <param name="DocumentType">What the original is (vi/en).</param>
/// <param name="CertificationNumber">e.g. <c>12/2026</c>.</param>
/// <param name="Book">e.g. <c>01/2026-SCTĐT/BS</c>.</param>
/// <param name="CertificationDate">The legal date, in Asia/Ho_Chi_Minh.</param>
/// <param name="IssuedAt">The instant of issue (metadata).</param>
/// <param name="FeeDong">The fee charged for this copy, in đồng.</param>
/// <param name="VerificationCode">The public code (formatted).</param>
/// <param name="VerificationUrl">The public verification URL the QR code encodes.</param>
public sealed record CertifiedCopyContent(
    IReadOnlyList<ScannedPage> Pages,
    LocalizedText DocumentType,
    string CertificationNumber,
    string Book,
    DateOnly CertificationDate,
    DateTimeOffset IssuedAt,
    Agency Agency,
    Officer Officer,
    long FeeDong,
    string VerificationCode,
    string VerificationUrl);

/// <summary>One scanned page: the image as scanned (JPEG or PNG bytes) and the size of the paper it shows.</summary>
public sealed record ScannedPage(byte[] Image, double WidthMillimetres, double HeightMillimetres);
