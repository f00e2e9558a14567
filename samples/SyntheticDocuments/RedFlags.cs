namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>Red-flag names as they appear in <see cref="GeneratedDocument.RedFlags"/>.</summary>
public static class RedFlags
{
    public const string SecretStamp = "secret-stamp";
    public const string NoCopyMark = "no-copy-mark";
    public const string HouseholdBook = "household-book";
    public const string Expired = "expired";
}
