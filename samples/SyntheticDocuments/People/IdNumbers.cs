using System.Globalization;

namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>
/// The 12-digit personal identification number: PPP G YY NNNNNN (province of birth registration,
/// century-and-sex digit, last two digits of the birth year, six random digits).
/// </summary>
public static class IdNumbers
{
    public static string Create(Random random, Province birthProvince, Sex sex, DateOnly dateOfBirth) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{birthProvince.Code}{CenturySexDigit(sex, dateOfBirth.Year)}{dateOfBirth.Year % 100:D2}{random.Next(0, 1_000_000):D6}");

    /// <summary>0/1 for men/women born in the 1900s, 2/3 in the 2000s, and so on every century.</summary>
    public static int CenturySexDigit(Sex sex, int birthYear)
    {
        var century = (birthYear / 100) - 19;
        if (century is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(birthYear), birthYear, "Only births from 1900 to 2399 have a century digit.");
        }

        return (century * 2) + (sex == Sex.Female ? 1 : 0);
    }

    /// <summary>The old 9-digit CMND some citizens still carry; printed in the CCCD QR when present.</summary>
    public static string OldCmnd(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"0{random.Next(10, 100)}{random.Next(0, 1_000_000):D6}");
}
