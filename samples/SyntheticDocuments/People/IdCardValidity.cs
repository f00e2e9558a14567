namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>
/// Card lifetime rules: a card must be renewed at 25, 40 and 60, so it expires on the holder's birthday in the
/// year of the next renewal age after issue; after 60 it never expires (the generator avoids that case).
/// </summary>
public static class IdCardValidity
{
    private static readonly int[] RenewalAges = [25, 40, 60];

    /// <summary>"Today" for the synthetic corpus: fixed so that output never depends on the clock.</summary>
    public static DateOnly ReferenceDate { get; } = new(2025, 6, 1);

    public static DateOnly? Expiry(DateOnly dateOfBirth, DateOnly issueDate)
    {
        foreach (var age in RenewalAges)
        {
            var birthday = new DateOnly(dateOfBirth.Year + age, dateOfBirth.Month, dateOfBirth.Day);
            if (birthday > issueDate)
            {
                return birthday;
            }
        }

        return null;
    }
}
