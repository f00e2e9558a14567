namespace SmartKiosk.Samples.SyntheticDocuments.People;

public enum Sex
{
    Male,
    Female,
}

public static class SexExtensions
{
    /// <summary>The Vietnamese word printed on documents.</summary>
    public static string Label(this Sex sex) => sex == Sex.Male ? "Nam" : "Nữ";

    /// <summary>The ICAO 9303 MRZ code.</summary>
    public static char MrzCode(this Sex sex) => sex == Sex.Male ? 'M' : 'F';
}
