using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Dossiers.Persistence;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// The templates recognition uses: the shipped seed, each replaced by its latest saved version. Every
/// host keeps them in memory and asks the database at most once a second whether a version was saved
/// since (one aggregate query), so a template published on one node is used by all within seconds.
/// </summary>
public sealed class StoredTemplateStore(DossierDbContextFactory factory, TimeProvider time) : ITemplateStore, IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private static IReadOnlyList<DocumentTemplate> Seed => SeedTemplateStore.Shipped;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot _current = new((-1, -1), Seed, DateTimeOffset.MinValue);

    public async ValueTask<IReadOnlyList<DocumentTemplate>> GetAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (time.GetUtcNow() - snapshot.CheckedAt < CheckEvery)
        {
            return snapshot.Templates;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            snapshot = _current;
            if (time.GetUtcNow() - snapshot.CheckedAt < CheckEvery)
            {
                return snapshot.Templates;
            }

            await using var db = factory.Create();
            // Count and highest id together: sequence values can commit out of order, a count cannot stand still when a row lands.
            var marks = await db.TemplateVersions.GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Max = g.Max(v => v.Id) }).FirstOrDefaultAsync(cancellationToken);
            var latest = marks is null ? (0L, 0L) : (marks.Count, marks.Max);
            var templates = latest == snapshot.Mark ? snapshot.Templates : await LoadAsync(db, cancellationToken);
            _current = new Snapshot(latest, templates, time.GetUtcNow());
            return templates;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Seed templates replaced by their latest saved versions, plus templates that exist only as saved ones.</summary>
    private static async Task<IReadOnlyList<DocumentTemplate>> LoadAsync(DossierDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.TemplateVersions.AsNoTracking()
            .Where(v => v.Version == db.TemplateVersions.Where(o => o.TemplateId == v.TemplateId).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        var saved = latest.Select(v => TemplateCheck.Read(v.Json).Template).OfType<DocumentTemplate>().ToDictionary(t => t.Id, StringComparer.Ordinal);
        return [.. Seed.Select(t => saved.GetValueOrDefault(t.Id) ?? t), .. saved.Values.Where(t => Seed.All(s => s.Id != t.Id))];
    }

    public void Dispose() => _reload.Dispose();

    /// <param name="Mark">How many versions are saved and the highest row id: a new save changes the pair.</param>
    private sealed record Snapshot((long Count, long Max) Mark, IReadOnlyList<DocumentTemplate> Templates, DateTimeOffset CheckedAt);
}
