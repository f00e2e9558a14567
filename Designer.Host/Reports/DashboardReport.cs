namespace SmartKiosk.Designer.Host.Reports;

/// <summary>
/// The numbers of the reports dashboard for one period. Durations are minutes; medians and p95 are
/// nearest-rank percentiles of the dossiers that have the duration (null when none has).
/// </summary>
public sealed record DashboardReport(
    ReportPeriod Period,
    DossierTotals Totals,
    DurationSummary SubmissionToCopy,
    ReviewSummary Review,
    IReadOnlyList<DayLine> Days,
    IReadOnlyList<KioskLine> Kiosks,
    IReadOnlyList<ReasonCount> Rejections,
    IReadOnlyList<OfficerLine> Officers)
{
    /// <summary>The pilot's baseline: a manual certification took 15 minutes.</summary>
    public const double ManualMinutes = 15;

    /// <summary>The kiosk's target, officer's review included: 3 to 5 minutes.</summary>
    public const double TargetMinutes = 5;
}

/// <summary>Dossiers opened in the period by where they are now. <c>Submitted</c> counts those the citizen handed in.</summary>
public sealed record DossierTotals(int Opened, int Submitted, int Issued, int Refused, int Withdrawn, int Abandoned, int Failed, int InProgress, long FeesDong);

public sealed record DurationSummary(int Count, double? MedianMinutes, double? P95Minutes);

/// <summary>
/// Dossiers that reached an officer's task, split by the workflow's own judgement (label <c>review</c>:
/// clear = one-click approval, doubtful = a manual review), and the reasons doubtful ones gave.
/// <c>ManualShare</c> is doubtful over submitted.
/// </summary>
public sealed record ReviewSummary(int OfficerTasks, int Clear, int Doubtful, int IssuedWithoutOfficer, double ManualShare, IReadOnlyList<ReasonCount> TopReasons);

public sealed record DayLine(DateOnly Day, int Submitted, int Issued, int Refused, int Other, double? MedianMinutes, double? P95Minutes);

public sealed record KioskLine(string DeviceId, string Name, string Branch, string AgencyId, int Submitted, int Issued, int Refused, double? MedianMinutes);

public sealed record ReasonCount(string Code, int Count);

/// <summary>What an officer closed in the period; handling is from the task's arrival to its decision.</summary>
public sealed record OfficerLine(string UserName, string FullName, int Approved, int Rejected, int Rescans, int Total, double? MedianHandlingMinutes);
