using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Dossiers.DocumentTypes;

/// <summary>
/// The document types on offer and their settings, as in force now: the configuration files' types
/// with what administrators saved on screen over them (read on every call, so a change applies to the
/// next dossier started).
/// </summary>
public sealed class DocumentTypeCatalog(IOptionsMonitor<DocumentTypeOptions> options)
{
    public const string CertifiedCopyService = "certified-copy";

    /// <summary>Every type, offered or hidden (hidden ones stay valid for dossiers already started).</summary>
    public IReadOnlyList<DocumentType> All =>
        [.. options.CurrentValue.Types.Select(t => new DocumentType(t.Key, t.Value))];

    public IReadOnlyList<DocumentType> Offered =>
        [.. options.CurrentValue.Types.Where(t => t.Value.Offered).Select(t => new DocumentType(t.Key, t.Value))];

    /// <summary>The type of a key, under its own spelling (the key dossiers and workflow bindings use).</summary>
    public DocumentType? Find(string key) =>
        options.CurrentValue.Types.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? new DocumentType(found.Key, found.Value)
            : null;
}

public sealed record DocumentType(string Key, DocumentTypeSettings Settings)
{
    /// <summary>The default workflow of this type (samples/workflows/certified-copy-&lt;key&gt;.json).</summary>
    public string DefaultWorkflowId => "certified-copy-" + Key;
}
