namespace SmartKiosk.Samples.SyntheticDocuments.Codes;

/// <summary>The three 30-character lines of an ICAO 9303 TD1 machine readable zone.</summary>
public sealed record MachineReadableZone(string Line1, string Line2, string Line3)
{
    public const int LineLength = 30;
}
