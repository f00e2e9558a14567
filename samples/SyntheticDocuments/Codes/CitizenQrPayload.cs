using SmartKiosk.Samples.SyntheticDocuments.People;

namespace SmartKiosk.Samples.SyntheticDocuments.Codes;

/// <summary>
/// The pipe-separated payload of the QR code on citizen identity cards:
/// <c>ID12|oldCMND9|Full Name|DDMMYYYY|Nam/Nữ|address|DDMMYYYY(issue date)</c>. The old CMND is empty when
/// the holder never had one. The name is in title case, as the cards encode it.
/// </summary>
public static class CitizenQrPayload
{
    public static string Build(Person person, DateOnly issueDate) => string.Join('|',
        person.IdNumber,
        person.OldCmnd,
        person.Name.FullName,
        VietnameseText.CompactDate(person.DateOfBirth),
        person.Sex.Label(),
        person.PlaceOfResidence,
        VietnameseText.CompactDate(issueDate));
}
