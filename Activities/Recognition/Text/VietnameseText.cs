using System.Globalization;
using System.Text;

namespace SmartKiosk.Activities.Recognition.Text;

/// <summary>
/// Folding for matching printed labels and comparing values across sources: Vietnamese letters to
/// their unaccented capital (Đ → D, ệ → E), digits kept, everything else dropped. OCR's most common
/// errors are tone marks, spacing and punctuation; folding makes a label match regardless of them.
/// </summary>
public static class VietnameseText
{
    /// <summary>The folded form of one character, or '\0' when it carries no matching information.</summary>
    public static char Fold(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return c;
        }

        if (c is 'đ' or 'Đ')
        {
            return 'D';
        }

        if (char.IsAsciiLetter(c))
        {
            return char.ToUpperInvariant(c);
        }

        if (c < 128 || !char.IsLetter(c))
        {
            return '\0';
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD)[0];
        return char.IsAsciiLetter(decomposed) ? char.ToUpperInvariant(decomposed) : '\0';
    }

    /// <summary>The folded string: letters and digits only, unaccented, upper case.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded != '\0')
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>Unaccented but with spaces kept, e.g. for the MRZ name line (NGUYEN VAN AN).</summary>
    public static string RemoveAccents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>NFC with runs of white space collapsed: how values are stored and compared exactly.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Vietnamese upper case (names on ID cards are printed in capitals).</summary>
    public static string Upper(string text) => Clean(text).ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
}
