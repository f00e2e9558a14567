using System.Globalization;
using System.Text;

namespace SmartKiosk.Samples.SyntheticDocuments.People;

public static class VietnameseText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Dates as printed on every template (dd/MM/yyyy), independent of the machine culture.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Compact date used by the CCCD QR payload (ddMMyyyy).</summary>
    public static string CompactDate(DateOnly date) => date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    public static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    public static string Upper(string text) => Nfc(text.ToUpper(Vietnamese));

    /// <summary>
    /// Strips tone and vowel marks for the MRZ. Đ has no decomposition in Unicode, so it is mapped by hand.
    /// </summary>
    public static string RemoveDiacritics(string text)
    {
        var decomposed = text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Upper-cases the first letter only (addresses are written "Số 12, ngõ 34 phố Huế, ...").</summary>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : Upper(text[..1]) + text[1..];
}
