namespace SmartKiosk.Workflows.Persistence.Entities;

/// <summary>One stored version of a workflow definition. Published versions are never modified, only flagged.</summary>
public sealed class DefinitionVersionRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public DefinitionVersionState State { get; set; }
    public bool IsLatest { get; set; }

    /// <summary>The definition JSON (docs/workflow-json.md).</summary>
    public string Json { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public int Revision { get; set; }
}

public enum DefinitionVersionState
{
    Draft = 0,
    Published = 1,

    /// <summary>Was published, then superseded by a newer published version: existing instances still run on it.</summary>
    Retired = 2,

    /// <summary>Was published, then withdrawn by an administrator with nothing to replace it: existing instances still run on it.</summary>
    Retracted = 3,
}
