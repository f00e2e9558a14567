namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>
/// A province or centrally governed city. <paramref name="Code"/> is the three-digit prefix of the
/// personal identification number of people whose birth was registered there.
/// </summary>
public sealed record Province(string Code, string Name, IReadOnlyList<District> Districts);

/// <summary>A district-level unit; <paramref name="Kind"/> is "quận", "huyện" or "thành phố".</summary>
public sealed record District(string Kind, string Name, bool Urban, IReadOnlyList<string> Wards, IReadOnlyList<string> Streets)
{
    public string FullName => $"{Kind} {Name}";

    /// <summary>Urban units are split into "phường", rural ones into "xã".</summary>
    public string WardKind => Urban ? "phường" : "xã";
}

/// <summary>A commune-level place (ward or commune) with its parents, printable as "phường X, quận Y, Z".</summary>
public sealed record Locality(Province Province, District District, string Ward)
{
    public string WardFullName => $"{District.WardKind} {Ward}";

    public override string ToString() => $"{WardFullName}, {District.FullName}, {Province.Name}";
}
