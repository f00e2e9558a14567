using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Audit;

/// <summary>
/// Each entry's hash covers the previous entry's hash and its own fields, per subject. The unique
/// (subject, sequence) index makes a racing append fail instead of forking the chain; the
/// stand-alone append retries, a staged one fails its caller's transaction (which retries its work).
/// </summary>
public sealed class AuditLog(IWorkflowDbContextFactory dbFactory, TimeProvider time) : IAuditLog
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const int MaxAttempts = 12;

    // Appends to one subject from this process queue here instead of racing for the same sequence
    // number; striped, so memory stays bounded whatever the number of subjects.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode($"{auditEvent.SubjectType}/{auditEvent.SubjectId}") % (uint)Stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = dbFactory.Create();
                var record = await BuildAsync(db, auditEvent, cancellationToken);
                db.AuditEntries.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return ToEntry(record);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another node took this sequence number for the same subject: back off a little
                    // (with jitter, so racing nodes spread out) and chain onto their entry. Wall-clock time: a frozen test clock must not stall a retry.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 << Math.Min(attempt, 6))), cancellationToken);
                }
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task StageAsync(WorkflowDbContext db, AuditEvent auditEvent, CancellationToken cancellationToken) =>
        db.AuditEntries.Add(await BuildAsync(db, auditEvent, cancellationToken));

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var records = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. records.Select(ToEntry)];
    }

    public async Task<AuditChainVerification> VerifyAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var records = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

        var previous = Genesis;
        long expectedSequence = 1;
        foreach (var r in records)
        {
            if (r.Sequence != expectedSequence)
            {
                return new(false, records.Count, r.Sequence, $"entry {expectedSequence} is missing");
            }

            if (r.PreviousHash != previous)
            {
                return new(false, records.Count, r.Sequence, "the link to the previous entry is broken");
            }

            if (ComputeHash(r) != r.Hash)
            {
                return new(false, records.Count, r.Sequence, "the entry was altered");
            }

            previous = r.Hash;
            expectedSequence++;
        }

        return new(true, records.Count, null, null);
    }

    private async Task<AuditEntryRecord> BuildAsync(WorkflowDbContext db, AuditEvent e, CancellationToken cancellationToken)
    {
        // Entries staged earlier in the same unit of work come after the stored ones.
        var last = db.AuditEntries.Local
            .Where(x => x.SubjectType == e.SubjectType && x.SubjectId == e.SubjectId)
            .OrderByDescending(x => x.Sequence)
            .FirstOrDefault()
            ?? await db.AuditEntries.AsNoTracking()
                .Where(x => x.SubjectType == e.SubjectType && x.SubjectId == e.SubjectId)
                .OrderByDescending(x => x.Sequence)
                .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var record = new AuditEntryRecord
        {
            SubjectType = e.SubjectType,
            SubjectId = e.SubjectId,
            Sequence = (last?.Sequence ?? 0) + 1,
            Action = e.Action,
            Actor = e.Actor,
            DataJson = e.Data?.ToJsonString(),

            // Millisecond precision survives every provider's timestamp type, so the hash verifies after a round trip.
            OccurredAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            PreviousHash = last?.Hash ?? Genesis,
        };
        record.Hash = ComputeHash(record);
        return record;
    }

    private static string ComputeHash(AuditEntryRecord r)
    {
        var canonical = string.Join(
            '\n',
            r.PreviousHash,
            r.SubjectType,
            r.SubjectId,
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            r.Action,
            r.Actor,
            r.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            r.DataJson ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static AuditEntry ToEntry(AuditEntryRecord r) => new(
        r.Sequence,
        r.SubjectType,
        r.SubjectId,
        r.Action,
        r.Actor,
        r.DataJson is null ? null : JsonNode.Parse(r.DataJson)?.AsObject(),
        r.OccurredAt,
        r.PreviousHash,
        r.Hash);
}
