using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Issuance.Agencies;

/// <summary>
/// The certifying agencies and their officers as the administration screens see them. Officers are
/// added here (an account for a new judicial officer needs one); each addition is audited on the
/// officer's chain.
/// </summary>
public sealed class AgencyDirectory(IssuanceDbContextFactory factory, IAuditLog audit)
{
    public const string OfficerAuditSubject = "officer";

    public async Task<IReadOnlyList<Agency>> AgenciesAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var rows = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(a => new Agency(a.Id, a.Name, a.Province, a.BookSuffix))];
    }

    /// <param name="agencyId">null = every agency's officers.</param>
    public async Task<IReadOnlyList<Officer>> OfficersAsync(string? agencyId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var query = db.Officers.AsNoTracking();
        if (agencyId is not null)
        {
            query = query.Where(o => o.AgencyId == agencyId);
        }

        var rows = await query.OrderBy(o => o.AgencyId).ThenBy(o => o.FullName).ToListAsync(cancellationToken);
        return [.. rows.Select(o => new Officer(o.Id, o.AgencyId, o.FullName, o.Title))];
    }

    public async Task<Officer?> FindOfficerAsync(string officerId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var o = await db.Officers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == officerId, cancellationToken);
        return o is null ? null : new Officer(o.Id, o.AgencyId, o.FullName, o.Title);
    }

    public async Task<Agency?> FindAgencyAsync(string agencyId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var a = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(x => x.Id == agencyId, cancellationToken);
        return a is null ? null : new Agency(a.Id, a.Name, a.Province, a.BookSuffix);
    }

    /// <summary>Adds an officer to an agency under a new random id; the name is what the signature will show.</summary>
    public async Task<Officer> AddOfficerAsync(string agencyId, string fullName, string title, string actor, CancellationToken cancellationToken)
    {
        fullName = fullName?.Trim() ?? "";
        title = title?.Trim() ?? "";
        if (fullName.Length is 0 or > 200 || title.Length is 0 or > 200 || fullName.IndexOfAny(['<', '>']) >= 0 || title.IndexOfAny(['<', '>']) >= 0)
        {
            throw new ArgumentException("An officer needs a name and a title of at most 200 characters, without markup.");
        }

        await using var db = factory.Create();
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            throw new ArgumentException($"No agency '{agencyId}'.");
        }

        var record = new OfficerRecord { Id = "officer-" + Guid.NewGuid().ToString("N")[..12], AgencyId = agencyId, FullName = fullName, Title = title };
        db.Officers.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent(OfficerAuditSubject, record.Id, "added", actor, new JsonObject { ["agencyId"] = agencyId }),
            cancellationToken);
        return new Officer(record.Id, record.AgencyId, record.FullName, record.Title);
    }
}
