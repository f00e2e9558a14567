namespace SmartKiosk.Samples.SyntheticDocuments.Codes;

/// <summary>QR payload of the 2024 land-use certificate: <c>serialNumber|ownerIdNumber|parcelNumber|mapSheetNumber</c>.</summary>
public static class LandCertificateQrPayload
{
    public static string Build(string serialNumber, string ownerIdNumber, string parcelNumber, string mapSheetNumber) =>
        string.Join('|', serialNumber, ownerIdNumber, parcelNumber, mapSheetNumber);
}
