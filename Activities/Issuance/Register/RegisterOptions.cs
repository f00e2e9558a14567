namespace SmartKiosk.Activities.Issuance.Register;

/// <summary>How register books are numbered and labelled (configuration section <c>Issuance:Register</c>).</summary>
public sealed class RegisterOptions
{
    public const string SectionName = "Issuance:Register";

    /// <summary>The book numbers are written in this year (Circular 01/2020: one book per register, restarting each year).</summary>
    public int Book { get; set; } = 1;

    /// <summary>Book label: {0} book number, {1} year, {2} the agency's suffix (e.g. <c>01/2026-SCTĐT/BS</c>).</summary>
    public string BookLabelFormat { get; set; } = "{0:00}/{1}-{2}";

    /// <summary>Number label: {0} number, {1} year (e.g. <c>12/2026</c>).</summary>
    public string NumberLabelFormat { get; set; } = "{0}/{1}";
}
