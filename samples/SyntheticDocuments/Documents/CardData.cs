using SmartKiosk.Samples.SyntheticDocuments.Codes;
using SmartKiosk.Samples.SyntheticDocuments.People;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Everything printed on either side of one identity card, so front and back always agree.</summary>
public sealed record CardData(
    Person Holder,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    MachineReadableZone Mrz,
    string QrPayload,
    string IdentifyingMark,
    PersonName Signer,
    int Seed)
{
    /// <summary>A photo to print as the portrait (encoded JPEG/PNG); the drawn placeholder when absent.</summary>
    public byte[]? PortraitPhoto { get; init; }

    public bool IsExpired => ExpiryDate is { } expiry && expiry < IdCardValidity.ReferenceDate;

    public string ExpiryText => ExpiryDate is { } expiry ? VietnameseText.Date(expiry) : "Không thời hạn";
}
