using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Reports;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Reports;

/// <summary>
/// Folds dossier and task facts into the dashboard's numbers. Pure: no clock, no database, so the
/// arithmetic (office days, percentiles, shares) is tested on its own.
/// Officer tasks are tied to dossiers by the task's correlation id (the dossier id); a task counts for
/// an officer when it was decided inside the period, wherever its dossier began.
/// </summary>
public sealed class DashboardBuilder(ReportPeriod period, TimeZoneInfo zone)
{
    /// <summary>The label a certification workflow sets on an officer's task: clear or doubtful.</summary>
    public const string ReviewLabel = "review";

    public const string ReasonLabel = "reason";

    /// <summary>The code every officer's refusal carries besides its grounds: counted only when a refusal gives no ground.</summary>
    public const string GenericOfficerRefusal = "officer-rejected";

    private readonly Dictionary<Guid, DossierFact> _dossiers = [];
    private readonly Dictionary<Guid, TaskTrail> _trails = [];
    private readonly List<UserTaskFact> _decided = [];
    private readonly DateTime _start = period.StartUtc(zone);
    private readonly DateTime _end = period.EndUtc(zone);

    public void Add(DossierFact dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        _dossiers[dossier.Id] = dossier;
    }

    public void Add(UserTaskFact task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.Labels.TryGetValue(ReviewLabel, out var review))
        {
            return;
        }

        if (Guid.TryParse(task.CorrelationId, out var dossierId))
        {
            var trail = _trails.TryGetValue(dossierId, out var known) ? known : _trails[dossierId] = new TaskTrail();
            trail.Doubtful |= review.Contains("doubtful", StringComparer.Ordinal);
            foreach (var reason in task.Labels.GetValueOrDefault(ReasonLabel) ?? [])
            {
                trail.Reasons.Add(reason);
            }
        }

        if (task is { Status: UserTaskStatus.Completed, CompletedAt: { } at, CompletedBy: not null } && at >= _start && at < _end)
        {
            _decided.Add(task);
        }
    }

    /// <param name="kiosks">Kiosk id → (name, branch); an unknown kiosk shows its id.</param>
    /// <param name="officers">User name → full name.</param>
    public DashboardReport Build(IReadOnlyDictionary<string, (string Name, string Branch)> kiosks, IReadOnlyDictionary<string, string> officers)
    {
        ArgumentNullException.ThrowIfNull(kiosks);
        ArgumentNullException.ThrowIfNull(officers);
        var all = _dossiers.Values.Where(d => d.CreatedAt >= _start && d.CreatedAt < _end).ToList();
        var submitted = all.Where(d => d.SubmittedAt is not null).ToList();
        var totals = new DossierTotals(
            all.Count,
            submitted.Count,
            all.Count(d => d.Status == DossierStatus.Issued),
            all.Count(d => d.Status == DossierStatus.Refused),
            all.Count(d => d.Status == DossierStatus.Withdrawn),
            all.Count(d => d.Status == DossierStatus.Expired),
            all.Count(d => d.Status == DossierStatus.Failed),
            all.Count(d => !d.Status.IsFinal() && d.Status != DossierStatus.Failed),
            all.Where(d => d.Status == DossierStatus.Issued).Sum(d => d.FeeDong ?? 0));

        // By the day the session began, like the totals: a dossier opened at 23:55 and sent at 00:02 stays in the period.
        var days = submitted.ToLookup(d => ReportPeriod.DayOf(d.CreatedAt, zone));
        var dayLines = period.EachDay().Select(day =>
        {
            var those = days[day].ToList();
            var minutes = MinutesToCopy(those);
            return new DayLine(
                day,
                those.Count,
                those.Count(d => d.Status == DossierStatus.Issued),
                those.Count(d => d.Status == DossierStatus.Refused),
                those.Count(d => d.Status is not DossierStatus.Issued and not DossierStatus.Refused),
                Percentile(minutes, 0.5),
                Percentile(minutes, 0.95));
        }).ToList();

        var kioskLines = submitted.GroupBy(d => d.DeviceId, StringComparer.Ordinal).Select(g =>
        {
            var (name, branch) = kiosks.TryGetValue(g.Key, out var known) ? known : (g.Key, "");
            return new KioskLine(g.Key, name, branch, g.First().AgencyId, g.Count(), g.Count(d => d.Status == DossierStatus.Issued), g.Count(d => d.Status == DossierStatus.Refused), Percentile(MinutesToCopy(g), 0.5));
        }).OrderByDescending(k => k.Submitted).ThenBy(k => k.DeviceId, StringComparer.Ordinal).ToList();

        var copyMinutes = MinutesToCopy(submitted);
        return new DashboardReport(
            period,
            totals,
            new DurationSummary(copyMinutes.Count, Percentile(copyMinutes, 0.5), Percentile(copyMinutes, 0.95)),
            Review(submitted),
            dayLines,
            kioskLines,
            Count(all.Where(d => d.Status == DossierStatus.Refused).SelectMany(Grounds)),
            Officers(officers));
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private ReviewSummary Review(List<DossierFact> submitted)
    {
        var trails = submitted.Select(d => (Dossier: d, Trail: _trails.GetValueOrDefault(d.Id))).ToList();
        var withTask = trails.Where(t => t.Trail is not null).ToList();
        var doubtful = withTask.Where(t => t.Trail!.Doubtful).ToList();
        return new ReviewSummary(
            withTask.Count,
            withTask.Count - doubtful.Count,
            doubtful.Count,
            trails.Count(t => t.Trail is null && t.Dossier.Status == DossierStatus.Issued),
            submitted.Count == 0 ? 0 : (double)doubtful.Count / submitted.Count,
            [.. Count(doubtful.SelectMany(t => t.Trail!.Reasons)).Take(10)]);
    }

    private List<OfficerLine> Officers(IReadOnlyDictionary<string, string> officers) =>
        [.. _decided.GroupBy(t => t.CompletedBy!, StringComparer.Ordinal).Select(g =>
        {
            var handling = g.Select(t => (t.CompletedAt!.Value - t.CreatedAt).TotalMinutes).Order().ToList();
            var approved = g.Count(t => t.Action == "Approve");
            var rejected = g.Count(t => t.Action == "Reject");
            var rescans = g.Count(t => t.Action == "Rescan");
            return new OfficerLine(g.Key, officers.GetValueOrDefault(g.Key) ?? g.Key, approved, rejected, rescans, g.Count(), Percentile(handling, 0.5));
        }).OrderByDescending(o => o.Total).ThenBy(o => o.UserName, StringComparer.Ordinal)];

    private static IEnumerable<string> Grounds(DossierFact refused) =>
        refused.Reasons.Any(r => r != GenericOfficerRefusal) ? refused.Reasons.Where(r => r != GenericOfficerRefusal) : refused.Reasons;

    private static List<double> MinutesToCopy(IEnumerable<DossierFact> dossiers) =>
        [.. dossiers.Where(d => d is { Status: DossierStatus.Issued, SubmittedAt: not null, CompletedAt: not null })
            .Select(d => (d.CompletedAt!.Value - d.SubmittedAt!.Value).TotalMinutes).Order()];

    private static List<ReasonCount> Count(IEnumerable<string> codes) =>
        [.. codes.GroupBy(c => c, StringComparer.Ordinal).Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)];

    private sealed class TaskTrail
    {
        public bool Doubtful { get; set; }

        public HashSet<string> Reasons { get; } = new(StringComparer.Ordinal);
    }
}
