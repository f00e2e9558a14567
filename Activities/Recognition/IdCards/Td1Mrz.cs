using System.Globalization;

namespace SmartKiosk.Activities.Recognition.IdCards;

/// <summary>
/// The three 30-character lines of an ID-1 card's machine-readable zone (ICAO 9303 TD1), read by
/// fixed positions. The three field check digits (document number, birth date, expiry) are trusted;
/// the composite is reported but not required, because filler runs are where OCR errs (no OCR-B
/// model ships with Debian: a run of '&lt;' may be read as K).
/// </summary>
public sealed record Td1Mrz(
    string Line1,
    string Line2,
    string Line3,
    string DocumentNumber,
    bool DocumentNumberValid,
    string OptionalData,
    string BirthDate,
    bool BirthDateValid,
    char Sex,
    string ExpiryDate,
    bool ExpiryDateValid,
    bool CompositeValid,
    string Surname,
    string GivenNames)
{
    public const int LineLength = 30;

    /// <summary>The 12-digit ID as Vietnamese cards carry it in the optional data of line 1.</summary>
    public string? CitizenId => OptionalData.Length >= 12 && OptionalData[..12].All(char.IsAsciiDigit) ? OptionalData[..12] : null;

    public bool FieldChecksValid => DocumentNumberValid && BirthDateValid && ExpiryDateValid;

    /// <summary>The name as the MRZ writes it, without accents: "NGUYEN VAN AN".</summary>
    public string FullName => string.Join(' ', new[] { Surname, GivenNames }.Where(s => s.Length > 0));

    public static Td1Mrz? TryParse(string line1, string line2, string line3)
    {
        ArgumentNullException.ThrowIfNull(line1);
        ArgumentNullException.ThrowIfNull(line2);
        ArgumentNullException.ThrowIfNull(line3);
        if (line1.Length != LineLength || line2.Length != LineLength || line3.Length != LineLength || !line1.StartsWith('I'))
        {
            return null;
        }

        var documentNumber = line1.Substring(5, 9);
        var optional = line1.Substring(15, 15).TrimEnd('<', 'K');
        var names = line3.Split("<<", 2);
        var surname = Name(names[0]);
        var given = names.Length > 1 ? Name(names[1]) : "";
        var composite = string.Concat(line1.AsSpan(5, 25), line2.AsSpan(0, 7), line2.AsSpan(8, 7), line2.AsSpan(18, 11));
        return new Td1Mrz(
            line1,
            line2,
            line3,
            documentNumber.TrimEnd('<'),
            IcaoCheckDigit.Verify(documentNumber, line1[14]),
            optional,
            line2[..6],
            IcaoCheckDigit.Verify(line2.AsSpan(0, 6), line2[6]),
            line2[7],
            line2.Substring(8, 6),
            IcaoCheckDigit.Verify(line2.AsSpan(8, 6), line2[14]),
            IcaoCheckDigit.Verify(composite, line2[29]),
            surname,
            given);
    }

    /// <summary>A YYMMDD date as dd/MM/yyyy; births take the century from the ID number when known.</summary>
    public static string? FormatDate(string yymmdd, int? century)
    {
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit))
        {
            return null;
        }

        var year = (century ?? 2000) + int.Parse(yymmdd.AsSpan(0, 2), CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact($"{year:0000}{yymmdd[2..]}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Text.FieldDate.Format(date)
            : null;
    }

    // Filler runs read as K are dropped when they trail a name part (no Vietnamese name part ends in KKK).
    private static string Name(string part) =>
        string.Join(' ', part.Split('<', StringSplitOptions.RemoveEmptyEntries).Select(p => p.TrimEnd('K') is { Length: > 0 } t && p.EndsWith("KK", StringComparison.Ordinal) ? t : p)).Trim();
}
