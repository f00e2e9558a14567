using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Codes;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>A certified copy's content made from a synthetic ID card (both sides), for the issuance tests.</summary>
internal static class IssuanceSamples
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 26, 10, 15, 0, TimeSpan.FromHours(7));

    public static CertifiedCopyContent IdCardCopy(int seed, VerificationCode? code = null)
    {
        var (front, back) = new DocumentGenerator(seed).IdCard(canCuoc2024: false, CaptureKind.Scan);
        var verification = code ?? VerificationCode.New();
        return new CertifiedCopyContent(
            [new ScannedPage(front.Image, 85.6, 54), new ScannedPage(back.Image, 85.6, 54)],
            new LocalizedText("Căn cước công dân", "Citizen identity card"),
            "12/2026",
            "01/2026-SCTĐT/BS",
            DateOnly.FromDateTime(IssuedAt.DateTime),
            IssuedAt,
            SeedAgencies.HoanKiem,
            SeedAgencies.HoanKiemOfficer,
            4_000,
            verification.Formatted,
            $"https://xacminh.example.vn/v/{verification.Value}");
    }
}
