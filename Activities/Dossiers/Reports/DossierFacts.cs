using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Dossiers.Persistence;

namespace SmartKiosk.Activities.Dossiers.Reports;

/// <summary>
/// Reads the dossiers opened in a period for reports, oldest first, in chunks of short keyset queries
/// (created, id), so a month of a city's dossiers is streamed rather than held or locked.
/// </summary>
public sealed class DossierFacts(DossierDbContextFactory dossiers)
{
    private const int ChunkSize = 2000;

    /// <param name="agencies">null = every agency.</param>
    public async IAsyncEnumerable<DossierFact> ReadAsync(
        DateTime createdFrom, DateTime createdBefore, IReadOnlyCollection<string>? agencies, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DateTime? lastCreated = null;
        var lastId = Guid.Empty;
        while (true)
        {
            await using var db = dossiers.Create();
            var query = db.Dossiers.AsNoTracking().Where(d => d.CreatedAt >= createdFrom && d.CreatedAt < createdBefore);
            if (agencies is not null)
            {
                query = query.Where(d => agencies.Contains(d.AgencyId));
            }

            if (lastCreated is { } created)
            {
                var id = lastId;
                query = query.Where(d => d.CreatedAt > created || (d.CreatedAt == created && d.Id.CompareTo(id) > 0));
            }

            var chunk = await query.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(ChunkSize)
                .Select(d => new { d.Id, d.DeviceId, d.AgencyId, d.DocumentType, d.Status, d.Reasons, d.CreatedAt, d.SubmittedAt, d.CompletedAt, d.FeeDong })
                .ToListAsync(cancellationToken);
            foreach (var d in chunk)
            {
                var reasons = d.Reasons?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                yield return new DossierFact(d.Id, d.DeviceId, d.AgencyId, d.DocumentType, d.Status, reasons, d.CreatedAt, d.SubmittedAt, d.CompletedAt, d.FeeDong);
            }

            if (chunk.Count < ChunkSize)
            {
                yield break;
            }

            (lastCreated, lastId) = (chunk[^1].CreatedAt, chunk[^1].Id);
        }
    }
}
