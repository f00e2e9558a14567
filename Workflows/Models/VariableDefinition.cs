using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Models;

/// <summary>A workflow variable: lives in the instance state, readable from every expression.</summary>
public sealed class VariableDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "json";
    public JsonNode? Default { get; set; }

    /// <summary>Personal data is redacted from the journal and logs.</summary>
    public bool IsPersonalData { get; set; }
}
