namespace SmartKiosk.Activities.Settings;

/// <summary>
/// A part of the configuration administrators edit on screen: its key in the database and the audit
/// log, and where its saved value sits in the configuration (so consumers keep reading options).
/// </summary>
public sealed record SettingsSection(string Key, string ConfigurationPath)
{
    public static readonly SettingsSection DocumentTypes = new("document-types", Dossiers.DocumentTypes.DocumentTypeOptions.SectionName);

    public static readonly SettingsSection Fees = new("fees", SmartKiosk.Activities.Fees.FeeOptions.SectionName);

    public static readonly SettingsSection Statement = new("statement", Issuance.IssuanceOptions.SectionName + ":" + nameof(Issuance.IssuanceOptions.StatementTemplate));

    public static IReadOnlyList<SettingsSection> All { get; } = [DocumentTypes, Fees, Statement];

    public static SettingsSection? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}
