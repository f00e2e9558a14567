namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>The document templates the generator can draw.</summary>
public enum DocumentKind
{
    Cccd2021Front,
    Cccd2021Back,
    CanCuoc2024Front,
    CanCuoc2024Back,
    BirthCertificate,
    UniversityDiploma,
    HighSchoolDiploma,
    LandUseCertificate,
}
