namespace SmartKiosk.Activities.Issuance.Persistence;

/// <summary>
/// One register book of one agency for one year, and the next number it gives. Numbers are taken by an
/// atomic UPDATE … RETURNING on this row inside the transaction that writes the entry, so two processes
/// never share a number and a rolled-back transaction gives its number back.
/// </summary>
public sealed class RegisterBookRecord
{
    public required string AgencyId { get; set; }
    public int Year { get; set; }
    public int Book { get; set; }
    public required string Label { get; set; }
    public int NextNumber { get; set; } = 1;
}
