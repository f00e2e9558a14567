using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>A template as the list shows it: version 0 is the shipped seed.</summary>
public sealed record TemplateSummary(string Id, string NameVi, string NameEn, string Shape, int Fields, int Version, DateTime? SavedAt, string? SavedBy);

/// <summary>A template's text at a version.</summary>
public sealed record TemplateText(string Id, int Version, string Json);

public sealed class TemplateLibraryException(string code, string message, IReadOnlyList<string>? problems = null) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Problems { get; } = problems ?? [];
}

/// <summary>
/// Recognition templates for administrators: list, read, save a new version (checked by
/// <see cref="TemplateCheck"/>, against the version the editor was opened on) and its history. Each save
/// is audited on the template's chain.
/// </summary>
public sealed class TemplateLibrary(DossierDbContextFactory factory, ITemplateStore store, IAuditLog audit, TimeProvider time)
{
    public const string AuditSubject = "template";

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var templates = await store.GetAllAsync(cancellationToken);
        await using var db = factory.Create();
        var latest = (await db.TemplateVersions.AsNoTracking()
                .GroupBy(v => v.TemplateId)
                .Select(g => g.OrderByDescending(v => v.Version).Select(v => new { v.TemplateId, v.Version, v.CreatedAt, v.CreatedBy }).First())
                .ToListAsync(cancellationToken))
            .ToDictionary(v => v.TemplateId, StringComparer.Ordinal);
        return [.. templates.Select(t => latest.TryGetValue(t.Id, out var v)
            ? new TemplateSummary(t.Id, t.Name.Vi, t.Name.En, t.Shape, t.Fields.Count, v.Version, v.CreatedAt, v.CreatedBy)
            : new TemplateSummary(t.Id, t.Name.Vi, t.Name.En, t.Shape, t.Fields.Count, 0, null, null)).OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    public async Task<TemplateText?> GetAsync(string templateId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var saved = await db.TemplateVersions.AsNoTracking().Where(v => v.TemplateId == templateId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        if (saved is not null)
        {
            return new TemplateText(templateId, saved.Version, saved.Json);
        }

        var seed = SeedTemplateStore.Shipped.FirstOrDefault(t => t.Id == templateId);
        return seed is null ? null : new TemplateText(templateId, 0, TemplateCheck.Write(seed));
    }

    public async Task<IReadOnlyList<TemplateSummary>> HistoryAsync(string templateId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var versions = await db.TemplateVersions.AsNoTracking().Where(v => v.TemplateId == templateId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return [.. versions.Select(v => TemplateCheck.Read(v.Json).Template is { } t
            ? new TemplateSummary(t.Id, t.Name.Vi, t.Name.En, t.Shape, t.Fields.Count, v.Version, v.CreatedAt, v.CreatedBy)
            : new TemplateSummary(v.TemplateId, v.TemplateId, v.TemplateId, "?", 0, v.Version, v.CreatedAt, v.CreatedBy))];
    }

    /// <summary>Saves the text as the template's next version, if it is valid and nobody saved one since <paramref name="expectedVersion"/>.</summary>
    public async Task<TemplateText> SaveAsync(string json, int expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var (template, problems) = TemplateCheck.Read(json);
        if (template is null)
        {
            throw new TemplateLibraryException("invalid", "The template is not valid.", problems);
        }

        await using var db = factory.Create();
        var current = await db.TemplateVersions.Where(v => v.TemplateId == template.Id).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        if (current != expectedVersion)
        {
            throw new TemplateLibraryException("conflict", $"Version {current} was saved since version {expectedVersion} was opened.");
        }

        var record = new TemplateVersionRecord
        {
            TemplateId = template.Id,
            Version = current + 1,
            Json = TemplateCheck.Write(template),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
        };
        db.TemplateVersions.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved the same version number a moment before (unique index).
            throw new TemplateLibraryException("conflict", "Another version was saved at the same moment.");
        }

        await audit.AppendAsync(new AuditEvent(AuditSubject, template.Id, "template.saved", actor, new JsonObject { ["version"] = record.Version, ["fields"] = template.Fields.Count }), cancellationToken);
        return new TemplateText(template.Id, record.Version, record.Json);
    }
}
