using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartKiosk.Activities.Dossiers.Reports;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Scheduling;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Reports;

/// <summary>
/// Builds the dashboard for an actor: an auditor or administrator bound to an agency sees that agency's
/// dossiers and officer tasks only, like every other back-office screen.
/// </summary>
public sealed class DashboardReader(
    DossierFacts dossiers,
    IUserTaskFacts tasks,
    KioskRegistry kiosks,
    UserManager<BackOfficeUser> users,
    BusinessCalendar calendar,
    TimeProvider time)
{
    /// <summary>A task decided in the period may have arrived this long before it (a rescan, a weekend).</summary>
    private static readonly TimeSpan TaskLookBack = TimeSpan.FromDays(14);

    public TimeZoneInfo Zone => calendar.Zone;

    /// <summary>Today as the office counts it.</summary>
    public DateOnly Today => ReportPeriod.DayOf(time.GetUtcNow().UtcDateTime, calendar.Zone);

    public async Task<DashboardReport> ReadAsync(ReportPeriod period, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(actor);
        var zone = calendar.Zone;
        var builder = new DashboardBuilder(period, zone);
        var (start, end) = (period.StartUtc(zone), period.EndUtc(zone));
        await foreach (var dossier in dossiers.ReadAsync(start, end, actor.VisibleAgencies, cancellationToken))
        {
            builder.Add(dossier);
        }

        // Tasks of the period's dossiers may be made after its last day (a dossier opened at 23:50).
        var query = new UserTaskFactQuery(start - TaskLookBack, end + TimeSpan.FromDays(1), DashboardBuilder.ReviewLabel) { Scopes = actor.VisibleAgencies };
        await foreach (var task in tasks.ReadAsync(query, cancellationToken))
        {
            builder.Add(task);
        }

        var kioskNames = (await kiosks.ListAsync(cancellationToken)).ToDictionary(k => k.Id, k => (k.Name, k.Branch), StringComparer.Ordinal);
        var officerNames = await users.Users.AsNoTracking()
            .Where(u => u.UserName != null)
            .ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, cancellationToken);
        return builder.Build(kioskNames, officerNames);
    }
}
