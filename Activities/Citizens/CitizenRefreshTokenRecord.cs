namespace SmartKiosk.Activities.Citizens;

/// <summary>
/// A refresh token (stored hashed). Each use spends it and issues the next of its family; a spent token
/// used again means it was stolen, and the whole family is revoked.
/// </summary>
public sealed class CitizenRefreshTokenRecord
{
    public string TokenHash { get; set; } = "";
    public Guid FamilyId { get; set; }
    public string CitizenKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? SpentAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
