namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>A certifying officer as stored (see <see cref="Agencies.Officer"/>).</summary>
public sealed class OfficerRecord
{
    public required string Id { get; set; }
    public required string AgencyId { get; set; }
    public required string FullName { get; set; }
    public required string Title { get; set; }
}
