using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SmartKiosk.Workflows.Models;

/// <summary>
/// One version of a workflow definition as it travels in JSON (docs/workflow-json.md).
/// The same shape is used by the designer, the REST API and storage.
/// </summary>
public sealed class WorkflowDefinition
{
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<VariableDefinition> Variables { get; set; } = [];
    public Flowchart Root { get; set; } = new();

    /// <summary>Free-form designer data (zoom, notes); never interpreted by the engine.</summary>
    [JsonPropertyName("metadata")]
    public JsonObject? Metadata { get; set; }
}
