namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>A Vietnamese name: family name first, given name last, in NFC title case.</summary>
public sealed record PersonName(string Surname, string Middle, string Given)
{
    public string FullName => Middle.Length == 0 ? $"{Surname} {Given}" : $"{Surname} {Middle} {Given}";

    /// <summary>How ID cards and land certificates print names.</summary>
    public string Upper => VietnameseText.Upper(FullName);

    /// <summary>Everything after the family name; the MRZ treats it as the given names.</summary>
    public string GivenNames => Middle.Length == 0 ? Given : $"{Middle} {Given}";
}
