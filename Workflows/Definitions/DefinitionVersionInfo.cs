using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Definitions;

/// <summary>
/// A definition version as lists show it, with the problems that would stop it being published.
/// <see cref="Revision"/> changes with every change of the version: an editor sends back the one it loaded
/// so that a save over someone else's newer change is refused instead of silently overwriting it.
/// </summary>
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
    int Revision,
    IReadOnlyList<ValidationError> Problems);

/// <summary>A key (document type) and the definition it starts.</summary>
public sealed record DefinitionBinding(string Key, string DefinitionId, DateTime UpdatedAt, string UpdatedBy);
