using SmartKiosk.Activities.Recognition.Extraction;

namespace SmartKiosk.Activities.Recognition.IdCards;

/// <summary>The field values each machine-readable code vouches for, under the templates' field keys.</summary>
public static class MachineReadings
{
    public static IEnumerable<MachineReading> From(CardQrPayload qr)
    {
        ArgumentNullException.ThrowIfNull(qr);
        yield return new("qr", "idNumber", qr.IdNumber);
        // The QR writes the name in title case; the card prints it in capitals, as the field is kept.
        yield return new("qr", "fullName", Text.VietnameseText.Upper(qr.FullName));
        yield return new("qr", "dateOfBirth", qr.DateOfBirth);
        yield return new("qr", "sex", qr.Sex);
        yield return new("qr", "placeOfResidence", qr.Address);
        yield return new("qr", "issueDate", qr.IssueDate);
    }

    /// <summary>Only fields whose check digit held; the name is accent-free by design of the MRZ.</summary>
    public static IEnumerable<MachineReading> From(Td1Mrz mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var id = mrz.CitizenId;
        var century = CitizenIdNumber.TryParse(id) is { } parsed ? parsed.BirthYear / 100 * 100 : (int?)null;
        if (mrz.DocumentNumberValid && id is not null && id.EndsWith(mrz.DocumentNumber, StringComparison.Ordinal))
        {
            yield return new("mrz", "idNumber", id);
        }

        if (mrz.BirthDateValid)
        {
            yield return new("mrz", "dateOfBirth", Td1Mrz.FormatDate(mrz.BirthDate, century));
        }

        if (mrz.ExpiryDateValid)
        {
            yield return new("mrz", "expiryDate", Td1Mrz.FormatDate(mrz.ExpiryDate, 2000));
        }

        yield return new("mrz", "sex", mrz.Sex switch { 'M' => "Nam", 'F' => "Nữ", _ => null });
        yield return new("mrz", "fullName", mrz.FullName, AccentFree: true);
    }

    /// <summary>The land-use certificate's QR: serial|owner ID|parcel|map sheet (layout of the 2024 form, uncertain: kept tolerant).</summary>
    public static IEnumerable<MachineReading> FromLandCertificate(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        yield return new("qr", "qrPayload", payload);
        var parts = payload.Split('|');
        if (parts.Length >= 4)
        {
            yield return new("qr", "serialNumber", parts[0].Replace(" ", "", StringComparison.Ordinal));
            yield return new("qr", "ownerIdNumber", parts[1]);
            yield return new("qr", "parcelNumber", parts[2]);
            yield return new("qr", "mapSheetNumber", parts[3]);
        }
    }
}
