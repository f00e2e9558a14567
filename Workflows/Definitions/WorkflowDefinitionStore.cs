using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Workflows.Definitions;

/// <summary>
/// Version rules (as in Elsa): one latest version per definition, at most one published; a published
/// version's content never changes, so instances pinned to it keep their exact graph. Each change
/// and its audit entry commit together.
/// </summary>
public sealed partial class WorkflowDefinitionStore(
    IWorkflowDbContextFactory dbFactory,
    DefinitionValidator validator,
    IAuditLog audit,
    TimeProvider time) : IWorkflowDefinitionStore
{
    private const int MaxAttempts = 5;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex KeyPattern();

    public DefinitionValidationResult Validate(WorkflowDefinition definition) => validator.Validate(definition);

    public Task<DefinitionVersionInfo> SaveDraftAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken) =>
        SaveDraftAsync(definition, actor, Expectation.None, revertedFrom: null, "definition.draft-saved", cancellationToken);

    public Task<DefinitionVersionInfo> SaveDraftAsync(WorkflowDefinition definition, string actor, int? expectedRevision, CancellationToken cancellationToken) =>
        SaveDraftAsync(definition, actor, Expectation.Revision(expectedRevision), revertedFrom: null, "definition.draft-saved", cancellationToken);

    public Task<DefinitionVersionInfo> ImportAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var result = validator.CheckImport(definition);
        if (!result.IsValid)
        {
            throw new DefinitionValidationException(result.Errors);
        }

        return SaveDraftAsync(definition, actor, Expectation.Revision(null), revertedFrom: null, "definition.imported", cancellationToken);
    }

    public async Task<DefinitionVersionInfo?> DeleteDraftAsync(string definitionId, string actor, CancellationToken cancellationToken, int? expectedRevision = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            var versions = await db.DefinitionVersions
                .Where(v => v.DefinitionId == definitionId)
                .OrderByDescending(v => v.Version)
                .Take(2)
                .ToListAsync(cancellationToken);
            var draft = versions.FirstOrDefault() ?? throw NotFound(definitionId);
            if (draft.State != DefinitionVersionState.Draft)
            {
                throw new DefinitionStoreException(notFound: false, $"Workflow '{definitionId}' has no draft to delete: version {draft.Version} is {draft.State}.");
            }

            if (expectedRevision is { } expected && draft.Revision != expected)
            {
                throw new DefinitionStoreException(notFound: false, $"The draft of '{definitionId}' was changed since revision {expected} (now {draft.Revision}); it is not deleted.");
            }

            db.DefinitionVersions.Remove(draft);
            var previous = versions.Skip(1).FirstOrDefault();
            if (previous is not null)
            {
                previous.IsLatest = true;
                previous.Revision = Math.Max(previous.Revision, draft.Revision) + 1;
            }

            await audit.StageAsync(db, Event(definitionId, "definition.draft-deleted", actor, draft.Version), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return previous is null ? null : Info(previous, withProblems: false);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone saved the draft meanwhile; look again (it may still be a draft to delete).
            }
        }
    }

    private Task<DefinitionVersionInfo> SaveDraftAsync(
        WorkflowDefinition definition, string actor, Expectation expectation, int? revertedFrom, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var safety = validator.CheckSafe(definition);
        if (!safety.IsValid)
        {
            throw new DefinitionValidationException(safety.Errors);
        }

        return WithRetriesAsync(async db =>
        {
            var latest = await LatestAsync(db, definition.DefinitionId, cancellationToken);
            expectation.Check(definition.DefinitionId, latest);
            var now = time.GetUtcNow().UtcDateTime;
            DefinitionVersionRecord draft;
            if (latest is { State: DefinitionVersionState.Draft })
            {
                draft = latest;
                draft.Revision++;
            }
            else
            {
                if (latest is not null)
                {
                    latest.IsLatest = false;
                    latest.Revision++;
                }

                draft = new DefinitionVersionRecord
                {
                    Id = Guid.CreateVersion7(time.GetUtcNow()),
                    DefinitionId = definition.DefinitionId,
                    Version = (latest?.Version ?? 0) + 1,
                    State = DefinitionVersionState.Draft,
                    IsLatest = true,
                    CreatedAt = now,
                    CreatedBy = actor,

                    // Revisions only grow from one latest version to the next, so a revision an editor loaded can never
                    // match a later latest version by chance (see Expectation).
                    Revision = (latest?.Revision ?? 0) + 1,
                };
                db.DefinitionVersions.Add(draft);
            }

            draft.Name = definition.Name;
            draft.Json = WorkflowJson.Serialize(Normalise(definition, draft));
            await audit.StageAsync(db, Event(definition.DefinitionId, action, actor, draft.Version), cancellationToken);
            if (revertedFrom is { } from)
            {
                await audit.StageAsync(db, Event(definition.DefinitionId, "definition.reverted", actor, draft.Version, new JsonObject { ["from"] = from }), cancellationToken);
            }

            return draft;
        }, cancellationToken);
    }

    public Task<DefinitionVersionInfo> PublishAsync(string definitionId, string actor, CancellationToken cancellationToken) =>
        PublishAsync(definitionId, actor, expectedRevision: null, cancellationToken);

    public Task<DefinitionVersionInfo> PublishAsync(string definitionId, string actor, int? expectedRevision, CancellationToken cancellationToken) =>
        WithRetriesAsync(async db =>
        {
            var latest = await LatestAsync(db, definitionId, cancellationToken) ?? throw NotFound(definitionId);
            if (expectedRevision is not null)
            {
                Expectation.Revision(expectedRevision).Check(definitionId, latest);
            }

            if (latest.State == DefinitionVersionState.Published)
            {
                return latest;
            }

            var result = validator.Validate(WorkflowJson.Deserialize(latest.Json, int.MaxValue));
            if (!result.IsValid)
            {
                throw new DefinitionValidationException(result.Errors);
            }

            var published = await db.DefinitionVersions
                .SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.State == DefinitionVersionState.Published, cancellationToken);
            if (published is not null)
            {
                published.State = DefinitionVersionState.Retired;
                published.Revision++;
            }

            latest.State = DefinitionVersionState.Published;
            latest.PublishedAt = time.GetUtcNow().UtcDateTime;
            latest.Revision++;
            await audit.StageAsync(db, Event(definitionId, "definition.published", actor, latest.Version), cancellationToken);
            return latest;
        }, cancellationToken);

    public Task<DefinitionVersionInfo> RetractAsync(string definitionId, string actor, CancellationToken cancellationToken) =>
        WithRetriesAsync(async db =>
        {
            var published = await db.DefinitionVersions
                .SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.State == DefinitionVersionState.Published, cancellationToken)
                ?? throw new DefinitionStoreException(notFound: false, $"Workflow '{definitionId}' has no published version to retract.");
            published.State = DefinitionVersionState.Retracted;
            published.Revision++;
            await audit.StageAsync(db, Event(definitionId, "definition.retracted", actor, published.Version), cancellationToken);
            return published;
        }, cancellationToken);

    public async Task<DefinitionVersionInfo> RevertAsync(string definitionId, int version, string actor, CancellationToken cancellationToken)
    {
        var source = await GetAsync(definitionId, version, cancellationToken)
            ?? throw new DefinitionStoreException(notFound: true, $"Workflow '{definitionId}' has no version {version}.");
        return await SaveDraftAsync(source, actor, Expectation.None, revertedFrom: version, "definition.draft-saved", cancellationToken);
    }

    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var versions = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId)
            .OrderByDescending(v => v.Version)
            .ToListAsync(cancellationToken);
        return [.. versions.Select(v => Info(v, withProblems: v.IsLatest))];
    }

    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var latest = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.IsLatest)
            .OrderBy(v => v.DefinitionId)
            .ToListAsync(cancellationToken);
        return [.. latest.Select(v => Info(v, withProblems: false))];
    }

    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var record = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && (version == null ? v.IsLatest : v.Version == version))
            .SingleOrDefaultAsync(cancellationToken);
        return record is null ? null : ToModel(record);
    }

    public async Task<DefinitionBinding> SetBindingAsync(string key, string definitionId, string actor, CancellationToken cancellationToken)
    {
        if (!KeyPattern().IsMatch(key ?? ""))
        {
            throw new DefinitionValidationException([new ValidationError("binding-key", "A binding key must be 1–100 letters, digits, '.', '_' or '-'.")]);
        }

        await using var db = dbFactory.Create();
        if (!await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == definitionId, cancellationToken))
        {
            throw NotFound(definitionId);
        }

        if (!await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == definitionId && v.State == DefinitionVersionState.Published, cancellationToken))
        {
            throw new DefinitionStoreException(notFound: false, $"Workflow '{definitionId}' has no published version; publish it before binding it to '{key}'.");
        }

        var binding = await db.DefinitionBindings.SingleOrDefaultAsync(b => b.Key == key, cancellationToken);
        if (binding is null)
        {
            binding = new DefinitionBindingRecord { Key = key! };
            db.DefinitionBindings.Add(binding);
        }

        binding.DefinitionId = definitionId;
        binding.UpdatedAt = time.GetUtcNow().UtcDateTime;
        binding.UpdatedBy = actor;
        await audit.StageAsync(db, Event(definitionId, "definition.bound", actor, null, new JsonObject { ["key"] = key }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new DefinitionBinding(binding.Key, binding.DefinitionId, binding.UpdatedAt, binding.UpdatedBy);
    }

    public async Task<IReadOnlyList<DefinitionBinding>> ListBindingsAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var bindings = await db.DefinitionBindings.AsNoTracking().OrderBy(b => b.Key).ToListAsync(cancellationToken);
        return [.. bindings.Select(b => new DefinitionBinding(b.Key, b.DefinitionId, b.UpdatedAt, b.UpdatedBy))];
    }

    private async Task<DefinitionVersionInfo> WithRetriesAsync(Func<WorkflowDbContext, Task<DefinitionVersionRecord>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            var record = await change(db);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Info(record, withProblems: record.State == DefinitionVersionState.Draft);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A concurrent save of the same definition won; redo the change on its result.
            }
        }
    }

    private static Task<DefinitionVersionRecord?> LatestAsync(WorkflowDbContext db, string definitionId, CancellationToken cancellationToken) =>
        db.DefinitionVersions.SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsLatest, cancellationToken);

    private static WorkflowDefinition Normalise(WorkflowDefinition definition, DefinitionVersionRecord record)
    {
        var copy = WorkflowJson.Deserialize(WorkflowJson.Serialize(definition), int.MaxValue);
        copy.Version = record.Version;
        copy.IsPublished = false;
        copy.IsLatest = true;
        return copy;
    }

    private static WorkflowDefinition ToModel(DefinitionVersionRecord record)
    {
        var model = WorkflowJson.Deserialize(record.Json, int.MaxValue);
        model.Version = record.Version;
        model.IsLatest = record.IsLatest;
        model.IsPublished = record.State == DefinitionVersionState.Published;
        return model;
    }

    private DefinitionVersionInfo Info(DefinitionVersionRecord v, bool withProblems) => new(
        v.Id,
        v.DefinitionId,
        v.Version,
        v.Name,
        v.State,
        v.IsLatest,
        v.CreatedAt,
        v.CreatedBy,
        v.PublishedAt,
        v.Revision,
        withProblems ? validator.Validate(ToModel(v)).Errors : []);

    private static AuditEvent Event(string definitionId, string action, string actor, int? version, JsonObject? extra = null)
    {
        var data = extra ?? [];
        if (version is { } v)
        {
            data["version"] = v;
        }

        return new AuditEvent(AuditSubjects.Definition, definitionId, action, actor, data);
    }

    private static DefinitionStoreException NotFound(string definitionId) =>
        new(notFound: true, $"Workflow '{definitionId}' does not exist.");

    /// <summary>
    /// What a change expects to find: anything, or exactly this revision of the latest version (none: no definition yet).
    /// Revisions grow across versions (a new latest version starts above the one before), so the check also catches a
    /// new draft, a deleted draft or a publish made by someone else since the editor loaded the workflow.
    /// </summary>
    private readonly record struct Expectation(bool Checked, int? ExpectedRevision)
    {
        public static Expectation None => default;

        public static Expectation Revision(int? revision) => new(true, revision);

        public void Check(string definitionId, DefinitionVersionRecord? latest)
        {
            if (!Checked || latest?.Revision == ExpectedRevision)
            {
                return;
            }

            throw new DefinitionStoreException(notFound: false, (latest, ExpectedRevision) switch
            {
                (not null, null) => $"A workflow with id '{definitionId}' already exists; choose another id.",
                (null, _) => $"Workflow '{definitionId}' no longer exists.",
                _ => $"Workflow '{definitionId}' was changed by someone else since it was opened (revision {latest.Revision}, expected {ExpectedRevision}); reload it and apply your change again.",
            });
        }
    }
}
