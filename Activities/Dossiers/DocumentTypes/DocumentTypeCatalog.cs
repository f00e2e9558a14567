using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Dossiers.DocumentTypes;

/// <summary>The document types on offer and their settings.</summary>
public sealed class DocumentTypeCatalog(IOptions<DocumentTypeOptions> options)
{
    public const string CertifiedCopyService = "certified-copy";

    public IReadOnlyList<DocumentType> Offered =>
        [.. options.Value.Types.Where(t => t.Value.Offered).Select(t => new DocumentType(t.Key, t.Value))];

    public DocumentType? Find(string key) =>
        options.Value.Types.TryGetValue(key, out var settings) ? new DocumentType(key, settings) : null;
}

public sealed record DocumentType(string Key, DocumentTypeSettings Settings)
{
    /// <summary>The default workflow of this type (samples/workflows/certified-copy-&lt;key&gt;.json).</summary>
    public string DefaultWorkflowId => "certified-copy-" + Key;
}
