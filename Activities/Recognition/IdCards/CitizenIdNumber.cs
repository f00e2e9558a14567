namespace SmartKiosk.Activities.Recognition.IdCards;

/// <summary>
/// The 12-digit personal identification number, <c>PPP G YY NNNNNN</c>: province of birth
/// registration, century-and-sex digit, two digits of the birth year, six random digits. It carries
/// no check digit, so the birth year and sex it encodes are what can be checked against the card.
/// </summary>
public sealed record CitizenIdNumber(string Value, string ProvinceCode, int BirthYear, string Sex)
{
    public static CitizenIdNumber? TryParse(string? text)
    {
        if (text is not { Length: 12 } || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        var g = text[3] - '0';
        var year = 1900 + (100 * (g / 2)) + int.Parse(text.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        return new CitizenIdNumber(text, text[..3], year, g % 2 == 0 ? "Nam" : "Nữ");
    }
}
