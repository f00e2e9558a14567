namespace SmartKiosk.Activities.Issuance.Register;

/// <summary>What is recorded when a number is given to an original.</summary>
/// <param name="OriginalKey">Identifies the original within the agency (a second copy of it reuses the number).</param>
public sealed record NumberRequest(string AgencyId, string OriginalKey, string DocumentType, string OfficerId, int Pages, long FeeDong);
