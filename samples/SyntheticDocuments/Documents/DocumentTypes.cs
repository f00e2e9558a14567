namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>Template ids, as used in <see cref="GeneratedDocument.DocumentType"/> and the extraction templates.</summary>
public static class DocumentTypes
{
    public const string Cccd2021Front = "cccd-2021-front";
    public const string Cccd2021Back = "cccd-2021-back";
    public const string CanCuoc2024Front = "can-cuoc-2024-front";
    public const string CanCuoc2024Back = "can-cuoc-2024-back";
    public const string BirthCertificate = "birth-certificate";
    public const string UniversityDiploma = "university-diploma";
    public const string HighSchoolDiploma = "high-school-diploma";
    public const string LandUseCertificate = "land-use-certificate";
    public const string HouseholdBook = "household-book";

    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Cccd2021Front => Cccd2021Front,
        DocumentKind.Cccd2021Back => Cccd2021Back,
        DocumentKind.CanCuoc2024Front => CanCuoc2024Front,
        DocumentKind.CanCuoc2024Back => CanCuoc2024Back,
        DocumentKind.BirthCertificate => BirthCertificate,
        DocumentKind.UniversityDiploma => UniversityDiploma,
        DocumentKind.HighSchoolDiploma => HighSchoolDiploma,
        DocumentKind.LandUseCertificate => LandUseCertificate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
