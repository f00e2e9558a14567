using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Settings;

/// <summary>Who saved a section's version in force; version 0 is the configuration files' value.</summary>
public sealed record SettingsVersion(int Version, DateTime? SavedAt, string? SavedBy);

/// <summary>
/// The settings administrators edit on screen — document types, the fee table, the certification
/// statement: each save is checked (<see cref="SettingsCheck"/>), made against the version the screen
/// opened, kept as a new version, audited on the <c>settings</c> chain and applied to this host at once
/// (other hosts within <see cref="SavedSettingsRefresher.Interval"/>). The values in force are read
/// through the options as usual.
/// </summary>
public sealed class SettingsLibrary(
    DossierDbContextFactory factory,
    SavedSettingsRefresher refresher,
    IOptionsMonitor<DocumentTypeOptions> documentTypes,
    IOptions<IntakeLimits> intake,
    ITemplateStore templates,
    IAuditLog audit,
    TimeProvider time,
    ILogger<SettingsLibrary> logger)
{
    public const string AuditSubject = "settings";

    /// <summary>Who saved a given version of a section (version 0: the configuration files).</summary>
    public async Task<SettingsVersion> DescribeAsync(SettingsSection section, int version, CancellationToken cancellationToken)
    {
        if (version == 0)
        {
            return new SettingsVersion(0, null, null);
        }

        await using var db = factory.Create();
        var saved = await db.SettingVersions.AsNoTracking().Where(v => v.Section == section.Key && v.Version == version)
            .Select(v => new SettingsVersion(v.Version, v.CreatedAt, v.CreatedBy)).FirstOrDefaultAsync(cancellationToken);
        return saved ?? new SettingsVersion(version, null, null);
    }

    public async Task<IReadOnlyList<SettingsVersion>> HistoryAsync(SettingsSection section, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        return await db.SettingVersions.AsNoTracking().Where(v => v.Section == section.Key).OrderByDescending(v => v.Version)
            .Select(v => new SettingsVersion(v.Version, v.CreatedAt, v.CreatedBy)).ToListAsync(cancellationToken);
    }

    public async Task<SettingsVersion> SaveDocumentTypesAsync(IReadOnlyDictionary<string, DocumentTypeSettings> types, int expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var known = (await templates.GetAllAsync(cancellationToken)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var problems = SettingsCheck.DocumentTypes(types, documentTypes.CurrentValue.Types.Keys, known, intake.Value.MaxPages);
        var document = new JsonObject
        {
            [nameof(DocumentTypeOptions.Types)] = new JsonObject(types.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => KeyValuePair.Create(t.Key, JsonSerializer.SerializeToNode(t.Value)))),
        };
        return await SaveAsync(SettingsSection.DocumentTypes, document, problems, expectedVersion, actor, new JsonObject { ["types"] = types.Count, ["offered"] = types.Values.Count(t => t.Offered) }, cancellationToken);
    }

    public Task<SettingsVersion> SaveFeesAsync(FeeOptions fees, int expectedVersion, string actor, CancellationToken cancellationToken) =>
        SaveAsync(SettingsSection.Fees, JsonSerializer.SerializeToNode(fees)!, SettingsCheck.Fees(fees), expectedVersion, actor,
            // The table is public (a circular): the audit keeps its values.
            JsonSerializer.SerializeToNode(fees)!.AsObject(), cancellationToken);

    public Task<SettingsVersion> SaveStatementAsync(string template, int expectedVersion, string actor, CancellationToken cancellationToken) =>
        SaveAsync(SettingsSection.Statement, JsonValue.Create(template), SettingsCheck.Statement(template, intake.Value.MaxPages), expectedVersion, actor,
            new JsonObject { ["length"] = template.Length }, cancellationToken);

    private async Task<SettingsVersion> SaveAsync(SettingsSection section, JsonNode value, IReadOnlyList<SettingsProblem> problems, int expectedVersion, string actor, JsonObject auditData, CancellationToken cancellationToken)
    {
        if (problems.Count > 0)
        {
            throw new SettingsException("invalid", $"The {section.Key} settings are not valid: {string.Join("; ", problems)}.", problems);
        }

        await using var db = factory.Create();
        var current = await db.SettingVersions.Where(v => v.Section == section.Key).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        if (current != expectedVersion)
        {
            throw new SettingsException("conflict", $"Version {current} was saved since version {expectedVersion} was opened.");
        }

        var record = new SettingVersionRecord
        {
            Section = section.Key,
            Version = current + 1,
            Json = value.ToJsonString(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
        };
        db.SettingVersions.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved the same version number a moment before (unique index).
            throw new SettingsException("conflict", "Another version was saved at the same moment.");
        }

        auditData["version"] = record.Version;
        await audit.AppendAsync(new AuditEvent(AuditSubject, section.Key, "settings.saved", actor, auditData), cancellationToken);
        try
        {
            await refresher.RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Saved: the refresher's next pass applies it (this host a little later, like the others).
            logger.LogError(ex, "The {Section} settings version {Version} was saved but not applied at once", section.Key, record.Version);
        }
        return new SettingsVersion(record.Version, record.CreatedAt, record.CreatedBy);
    }
}
