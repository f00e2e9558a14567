using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Drafts, versions and bindings of workflow definitions. Every change is audited.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>Saves the latest draft (a new version when the latest is published). Unsafe content is refused.</summary>
    Task<DefinitionVersionInfo> SaveDraftAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SaveDraftAsync(WorkflowDefinition, string, CancellationToken)"/>, refused with a conflict when the latest
    /// version's revision is no longer <paramref name="expectedRevision"/> (null: the definition must not exist yet).
    /// </summary>
    Task<DefinitionVersionInfo> SaveDraftAsync(WorkflowDefinition definition, string actor, int? expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a definition brought from elsewhere as the first draft of a new definition. Beyond the draft checks it must
    /// be a graph this engine understands (known types and inputs, existing ports and targets, no loop without an exit);
    /// an existing id is refused, never overwritten.
    /// </summary>
    Task<DefinitionVersionInfo> ImportAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken);

    /// <summary>Deletes the latest version if it is a draft; the version before it (if any) becomes the latest again.</summary>
    /// <summary>Deletes the latest version if it is a draft; with <paramref name="expectedRevision"/>, only the draft as it was shown (a draft saved since is kept).</summary>
    Task<DefinitionVersionInfo?> DeleteDraftAsync(string definitionId, string actor, CancellationToken cancellationToken, int? expectedRevision = null);

    /// <summary>Publishes the latest version after full validation; the previously published version is retired.</summary>
    Task<DefinitionVersionInfo> PublishAsync(string definitionId, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="PublishAsync(string, string, CancellationToken)"/>, refused with a conflict when the latest version is no
    /// longer at <paramref name="expectedRevision"/>: what is published is exactly what the administrator was shown.
    /// </summary>
    Task<DefinitionVersionInfo> PublishAsync(string definitionId, string actor, int? expectedRevision, CancellationToken cancellationToken);

    /// <summary>Withdraws the published version (it becomes Retracted): no new instances start; running ones finish on it.</summary>
    Task<DefinitionVersionInfo> RetractAsync(string definitionId, string actor, CancellationToken cancellationToken);

    /// <summary>Makes an earlier version's content the latest draft.</summary>
    Task<DefinitionVersionInfo> RevertAsync(string definitionId, int version, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>The latest version of every definition.</summary>
    Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A version's content, or the latest when <paramref name="version"/> is null.</summary>
    Task<WorkflowDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>Binds a key (a document type) to a definition that has a published version.</summary>
    Task<DefinitionBinding> SetBindingAsync(string key, string definitionId, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionBinding>> ListBindingsAsync(CancellationToken cancellationToken);

    DefinitionValidationResult Validate(WorkflowDefinition definition);
}
