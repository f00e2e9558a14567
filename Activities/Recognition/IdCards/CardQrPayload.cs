using System.Globalization;

namespace SmartKiosk.Activities.Recognition.IdCards;

/// <summary>
/// The QR code of a CCCD/căn cước card: <c>ID12|oldID9|Full Name|DDMMYYYY|Nam/Nữ|address|DDMMYYYY</c>.
/// Parsed tolerantly by position (the 2024 card may append fields; the old ID may be empty).
/// </summary>
public sealed record CardQrPayload(string IdNumber, string? OldIdNumber, string FullName, string DateOfBirth, string Sex, string Address, string? IssueDate)
{
    public static CardQrPayload? TryParse(string? payload)
    {
        var parts = payload?.Split('|');
        if (parts is not { Length: >= 6 } || parts[0].Length != 12 || !parts[0].All(char.IsAsciiDigit))
        {
            return null;
        }

        var birth = Date(parts[3]);
        if (birth is null || parts[4] is not ("Nam" or "Nữ"))
        {
            return null;
        }

        return new CardQrPayload(
            parts[0],
            parts[1].Length > 0 ? parts[1] : null,
            Text.VietnameseText.Clean(parts[2]),
            birth,
            parts[4],
            Text.VietnameseText.Clean(parts[5]),
            parts.Length > 6 ? Date(parts[6]) : null);
    }

    private static string? Date(string ddMMyyyy) =>
        DateOnly.TryParseExact(ddMMyyyy, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Text.FieldDate.Format(date)
            : null;
}
