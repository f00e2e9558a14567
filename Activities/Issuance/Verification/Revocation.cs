namespace SmartKiosk.Activities.Issuance.Verification;

/// <summary>What a revocation request did.</summary>
public enum Revocation
{
    Revoked,
    NotFound,
    AlreadyRevoked,
}
