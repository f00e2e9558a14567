namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>An invented citizen; every document about the same person draws from one instance.</summary>
public sealed record Person(
    PersonName Name,
    Sex Sex,
    DateOnly DateOfBirth,
    Locality BirthRegistration,
    string PlaceOfBirth,
    Locality Origin,
    string PlaceOfResidence,
    string IdNumber,
    string OldCmnd)
{
    public string PlaceOfOrigin => Places.LocalityText(Origin);

    public string PlaceOfBirthRegistration => Places.LocalityText(BirthRegistration);
}
