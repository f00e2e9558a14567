using System.Globalization;
using System.Text;
using SmartKiosk.Samples.SyntheticDocuments.People;

namespace SmartKiosk.Samples.SyntheticDocuments.Codes;

/// <summary>
/// Builds the TD1 MRZ the way Vietnamese cards lay it out: the document number is the last nine digits of the
/// ID, the optional data repeats the full 12-digit ID, and line 1 ends with a check digit over that optional
/// data (not ICAO, but what the cards print).
/// </summary>
public static class MrzBuilder
{
    public static MachineReadableZone Build(string idNumber, PersonName name, Sex sex, DateOnly dateOfBirth, DateOnly? expiry)
    {
        if (idNumber.Length != 12 || !idNumber.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The ID number must be 12 digits.", nameof(idNumber));
        }

        var documentNumber = idNumber[3..];
        var line1 = Pad($"IDVNM{documentNumber}{IcaoCheckDigit.Compute(documentNumber)}{idNumber}", 29)
            + IcaoCheckDigit.Compute(idNumber);

        var birth = Yymmdd(dateOfBirth);
        // Cards without expiry (holders over 60) carry filler in the expiry field.
        var expiryText = expiry is { } e ? Yymmdd(e) : "<<<<<<";
        var line2Head = $"{birth}{IcaoCheckDigit.Compute(birth)}{sex.MrzCode()}{expiryText}{IcaoCheckDigit.Compute(expiryText)}VNM";
        var line2Body = Pad(line2Head, 29);
        var composite = line1[5..] + line2Body[..7] + line2Body[8..15] + line2Body[18..29];
        var line2 = line2Body + IcaoCheckDigit.Compute(composite);

        var line3 = NameLine(name);
        return new MachineReadableZone(line1, line2, line3);
    }

    /// <summary>SURNAME&lt;&lt;GIVEN&lt;NAMES, diacritics removed, truncated to 30 characters.</summary>
    public static string NameLine(PersonName name)
    {
        var surname = Transliterate(name.Surname);
        var given = string.Join('<', name.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Transliterate));
        var text = $"{surname}<<{given}";
        return text.Length >= MachineReadableZone.LineLength ? text[..MachineReadableZone.LineLength] : Pad(text, MachineReadableZone.LineLength);
    }

    private static string Transliterate(string word)
    {
        var ascii = VietnameseText.RemoveDiacritics(word).ToUpperInvariant();
        var builder = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            builder.Append(c is >= 'A' and <= 'Z' ? c : '<');
        }

        return builder.ToString();
    }

    private static string Yymmdd(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Pad(string text, int length) => text.PadRight(length, '<');
}
