using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Activities.Dossiers.DocumentTypes;

/// <summary>
/// On the first run, publishes the default workflow of each document type
/// (samples/workflows/certified-copy-&lt;type&gt;.json, embedded) and binds it to the type. A type that
/// is bound already is left alone: an administrator's own workflow is never overwritten.
/// </summary>
public sealed class DefaultWorkflowSeeder(IWorkflowDefinitionStore definitions, DocumentTypeCatalog types, ILogger<DefaultWorkflowSeeder> logger)
{
    public const string Actor = "system:first-run";
    private const string ResourcePrefix = "SmartKiosk.Activities.Dossiers.DefaultWorkflows.";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var bound = (await definitions.ListBindingsAsync(cancellationToken)).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var type in types.Offered.Where(t => !bound.Contains(t.Key)))
        {
            await using var stream = typeof(DefaultWorkflowSeeder).Assembly.GetManifestResourceStream(ResourcePrefix + type.DefaultWorkflowId + ".json");
            if (stream is null)
            {
                logger.LogWarning("Document type {DocumentType} has no default workflow and no binding; kiosks cannot start it until one is published", type.Key);
                continue;
            }

            using var reader = new StreamReader(stream);
            var definition = WorkflowJson.Deserialize(await reader.ReadToEndAsync(cancellationToken), int.MaxValue);
            if (await definitions.GetAsync(definition.DefinitionId, null, cancellationToken) is null)
            {
                await definitions.SaveDraftAsync(definition, Actor, cancellationToken);
                await definitions.PublishAsync(definition.DefinitionId, Actor, cancellationToken);
            }
            await definitions.SetBindingAsync(type.Key, definition.DefinitionId, Actor, cancellationToken);
            logger.LogInformation("Published {DefinitionId} and bound it to document type {DocumentType}", definition.DefinitionId, type.Key);
        }
    }
}
