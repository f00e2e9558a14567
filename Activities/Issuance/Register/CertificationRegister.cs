using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Issuance.Persistence;

namespace SmartKiosk.Activities.Issuance.Register;

/// <summary>
/// The electronic certification register: numbers per agency, book and year, gap-free and unique
/// across processes. A number is taken by an atomic <c>UPDATE … RETURNING</c> on the book's row in the
/// same transaction that writes the entry, so concurrent issuers queue on that row (PostgreSQL row
/// lock, SQLite write lock) and a failed transaction gives its number back. Once committed, a number is
/// never reused: a copy that cannot be signed leaves its entry voided, with the reason.
/// </summary>
public sealed class CertificationRegister(IssuanceDbContextFactory factory, TimeProvider time, IOptions<RegisterOptions> options, ILogger<CertificationRegister> logger)
{
    /// <summary>The number of the original: the existing one if it was already numbered (and not voided), else the next.</summary>
    public async Task<RegisterEntry> NumberAsync(NumberRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = factory.Create();
        var existing = await db.RegisterEntries.AsNoTracking()
            .Where(e => e.AgencyId == request.AgencyId && e.OriginalKey == request.OriginalKey && e.Status != RegisterEntryStatus.Voided)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return RegisterEntry.From(existing);
        }

        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown agency '{request.AgencyId}'.");
        var settings = options.Value;
        var today = HanoiTime.Today(time);
        var year = today.Year;
        var bookLabel = string.Format(CultureInfo.InvariantCulture, settings.BookLabelFormat, settings.Book, year, agency.BookSuffix);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "RegisterBooks" ("AgencyId", "Year", "Book", "Label", "NextNumber") VALUES ({agency.Id}, {year}, {settings.Book}, {bookLabel}, 1) ON CONFLICT DO NOTHING""",
            cancellationToken);
        var taken = await db.Database.SqlQuery<int>(
            $"""UPDATE "RegisterBooks" SET "NextNumber" = "NextNumber" + 1 WHERE "AgencyId" = {agency.Id} AND "Year" = {year} AND "Book" = {settings.Book} RETURNING "NextNumber" - 1 AS "Value" """)
            .ToListAsync(cancellationToken);
        var number = taken.Single();
        var entry = new RegisterEntryRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            AgencyId = agency.Id,
            Year = year,
            Book = settings.Book,
            Number = number,
            NumberLabel = string.Format(CultureInfo.InvariantCulture, settings.NumberLabelFormat, number, year),
            BookLabel = bookLabel,
            OriginalKey = request.OriginalKey,
            DocumentType = request.DocumentType,
            OfficerId = request.OfficerId,
            Pages = request.Pages,
            FeeDong = request.FeeDong,
            Status = RegisterEntryStatus.Allocated,
            AllocatedAt = time.GetUtcNow(),
            CertificationDate = today,
        };
        db.RegisterEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Register number {Number} in book {Book} of agency {AgencyId}", entry.NumberLabel, bookLabel, agency.Id);
        return RegisterEntry.From(entry);
    }

    public Task MarkIssuedAsync(Guid entryId, CancellationToken cancellationToken) =>
        SetStatusAsync(entryId, RegisterEntryStatus.Issued, null, cancellationToken);

    /// <summary>Records that the numbered copy could not be issued; the number stays used.</summary>
    public Task VoidAsync(Guid entryId, string reason, CancellationToken cancellationToken) =>
        SetStatusAsync(entryId, RegisterEntryStatus.Voided, reason, cancellationToken);

    private async Task SetStatusAsync(Guid entryId, RegisterEntryStatus status, string? reason, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entry = await db.RegisterEntries.FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken)
            ?? throw new InvalidOperationException($"No register entry {entryId}.");
        if (entry.Status == RegisterEntryStatus.Voided)
        {
            throw new InvalidOperationException($"Register entry {entry.NumberLabel} is voided and cannot change.");
        }
        entry.Status = status;
        if (status == RegisterEntryStatus.Voided)
        {
            entry.VoidedAt = time.GetUtcNow();
            entry.VoidReason = reason is { Length: > 1000 } ? reason[..1000] : reason;
            logger.LogWarning("Register number {Number} of agency {AgencyId} voided: {Reason}", entry.NumberLabel, entry.AgencyId, entry.VoidReason);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
