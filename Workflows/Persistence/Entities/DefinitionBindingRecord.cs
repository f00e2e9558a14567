namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>Binds a key (a document type) to a definition; instances start on its published version.</summary>
public sealed class DefinitionBindingRecord
{
    public string Key { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
