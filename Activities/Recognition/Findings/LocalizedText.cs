namespace SmartKiosk.Activities.Recognition.Findings;

/// <summary>A user-facing text in Vietnamese (first) and English, as stored with findings and templates.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public string For(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
