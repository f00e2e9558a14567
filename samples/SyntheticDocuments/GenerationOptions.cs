namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>Red flags and capture defects to inject into one generated document.</summary>
/// <param name="Expired">ID cards get an expiry date in the past (ignored by documents that do not expire).</param>
/// <param name="SecretStamp">A red rotated "MẬT" stamp: classified documents must not be certified.</param>
/// <param name="NoCopyMark">A "KHÔNG SAO CHỤP" mark: the issuer forbids copies.</param>
/// <param name="HouseholdBook">Replaces the document with a "SỔ HỘ KHẨU" page (abolished since 2023).</param>
/// <param name="Defect">A capture-quality defect.</param>
/// <param name="PortraitPhoto">
/// An encoded photo (JPEG or PNG) printed as the ID card's portrait instead of the drawn placeholder,
/// so face verification can be tried on a card that was printed and photographed again.
/// </param>
public sealed record GenerationOptions(
    bool Expired = false,
    bool SecretStamp = false,
    bool NoCopyMark = false,
    bool HouseholdBook = false,
    QualityDefect Defect = QualityDefect.None,
    byte[]? PortraitPhoto = null)
{
    public static GenerationOptions Default { get; } = new();
}
