using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;

namespace SmartKiosk.Activities.Issuance.Register;

/// <summary>Brings the issuance tables up to date and makes sure the seeded agencies and officers exist.</summary>
public sealed class IssuanceDatabaseInitializer(IssuanceDbContextFactory factory)
{
    public async Task InitializeAsync(IEnumerable<Agency> agencies, IEnumerable<Officer> officers, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var agency in agencies)
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == agency.Id, cancellationToken))
            {
                db.Agencies.Add(new AgencyRecord { Id = agency.Id, Name = agency.Name, Province = agency.Province, BookSuffix = agency.BookSuffix });
            }
        }
        foreach (var officer in officers)
        {
            if (!await db.Officers.AnyAsync(o => o.Id == officer.Id, cancellationToken))
            {
                db.Officers.Add(new OfficerRecord { Id = officer.Id, AgencyId = officer.AgencyId, FullName = officer.FullName, Title = officer.Title });
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host seeded the same rows at the same moment: what we wanted exists.
        }
    }
}
