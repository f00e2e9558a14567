using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Definitions;

/// <summary>A definition version as lists show it, with the problems that would stop it being published.</summary>
public sealed record DefinitionVersionInfo(
    Guid Id,
    string DefinitionId,
    int Version,
    string Name,
    DefinitionVersionState State,
    bool IsLatest,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? PublishedAt,
    IReadOnlyList<ValidationError> Problems);

/// <summary>A key (document type) and the definition it starts.</summary>
public sealed record DefinitionBinding(string Key, string DefinitionId, DateTime UpdatedAt, string UpdatedBy);
