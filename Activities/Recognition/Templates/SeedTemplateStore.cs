using System.Text.Json;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// The templates shipped with the product, embedded from <c>Recognition/Templates/Seed/*.json</c>
/// and read once. Malformed JSON fails at startup with the file's name, never at a kiosk.
/// </summary>
public sealed class SeedTemplateStore : ITemplateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly Lazy<IReadOnlyList<DocumentTemplate>> ShippedTemplates = new(Load);

    /// <summary>The shipped templates, parsed once per process (they are immutable records).</summary>
    public static IReadOnlyList<DocumentTemplate> Shipped => ShippedTemplates.Value;

    public ValueTask<IReadOnlyList<DocumentTemplate>> GetAllAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Shipped);

    public static IReadOnlyList<DocumentTemplate> Load()
    {
        var assembly = typeof(SeedTemplateStore).Assembly;
        var templates = new List<DocumentTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Templates.Seed.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            try
            {
                templates.Add(JsonSerializer.Deserialize<DocumentTemplate>(stream, Json) ?? throw new JsonException("empty"));
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"The seed template {name} is not valid: {ex.Message}", ex);
            }
        }

        return templates;
    }
}
