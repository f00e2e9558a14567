namespace SmartKiosk.Activities.Citizens;

/// <summary>A one-time sign-in code sent to a citizen's address; only its hash is kept, and the address only until it is used or expires.</summary>
public sealed class CitizenSignInRecord
{
    public Guid Id { get; set; }
    public string CitizenKey { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public string? Email { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
