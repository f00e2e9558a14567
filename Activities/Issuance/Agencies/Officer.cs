namespace SmartKiosk.Activities.Issuance.Agencies;

/// <summary>A judicial officer who certifies copies for one agency and signs with their own certificate.</summary>
public sealed record Officer(string Id, string AgencyId, string FullName, string Title);
