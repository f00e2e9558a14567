namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>A certifying agency as stored (see <see cref="Agencies.Agency"/>).</summary>
public sealed class AgencyRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Province { get; set; }
    public required string BookSuffix { get; set; }
}
