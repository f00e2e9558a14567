using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Reports;
using SmartKiosk.Designer.Host.Reports;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Tests.Reports;

public sealed class DashboardBuilderTests
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly ReportPeriod Week = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8));

    // 2 Nov 2026 00:00 in Hanoi is 1 Nov 17:00 UTC.
    private static readonly DateTime Monday = new(2026, 11, 1, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Percentile_is_nearest_rank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, DashboardBuilder.Percentile(values, 0.5));
        Assert.Equal(10, DashboardBuilder.Percentile(values, 0.95));
        Assert.Equal(7, DashboardBuilder.Percentile([7], 0.95));
        Assert.Null(DashboardBuilder.Percentile([], 0.5));
    }

    [Fact]
    public void Days_are_Hanoi_office_days_and_durations_run_from_submission_to_copy()
    {
        var builder = new DashboardBuilder(Week, Hanoi);

        // Monday 06:00 and 06:30 in Hanoi.
        builder.Add(Issued(Monday.AddHours(6), submittedAfter: TimeSpan.FromMinutes(2), copyAfter: TimeSpan.FromMinutes(4)));
        builder.Add(Issued(Monday.AddHours(6.5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)));

        // 00:30 Hanoi on Tuesday is 17:30 UTC on Monday: it belongs to Tuesday.
        builder.Add(Issued(Monday.AddHours(24.5), TimeSpan.Zero, TimeSpan.FromMinutes(3)));

        // Opened before the period: not counted.
        builder.Add(Issued(Monday.AddMinutes(-1), TimeSpan.Zero, TimeSpan.FromMinutes(3)));
        var report = builder.Build(Kiosks, Officers);

        Assert.Equal(3, report.Totals.Submitted);
        Assert.Equal(7, report.Days.Count);
        Assert.Equal(2, report.Days[0].Submitted);
        Assert.Equal(1, report.Days[1].Submitted);
        Assert.Equal(4, report.Days[0].MedianMinutes);
        Assert.Equal(10, report.Days[0].P95Minutes);
        Assert.Equal(4, report.SubmissionToCopy.MedianMinutes);
        Assert.Equal(3, report.SubmissionToCopy.Count);
    }

    [Fact]
    public void A_dossier_opened_on_the_last_evening_and_sent_after_midnight_counts_in_the_period_s_last_day()
    {
        var builder = new DashboardBuilder(Week, Hanoi);
        var lastEvening = Monday.AddDays(7).AddMinutes(-5);
        builder.Add(Issued(lastEvening, TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(3)));

        var report = builder.Build(Kiosks, Officers);

        Assert.Equal((1, 1), (report.Totals.Submitted, report.Days.Sum(d => d.Submitted)));
        Assert.Equal(1, report.Days[^1].Submitted);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-01", "period-reversed")]
    [InlineData("2026-01-01", "2026-11-01", "period-too-long")]
    [InlineData(null, "9999-12-31", "period-out-of-range")]
    [InlineData(null, "0001-01-05", "period-out-of-range")]
    public void A_period_that_cannot_be_reported_says_why(string? from, string to, string expected)
    {
        var (period, error) = ReportPeriod.Check(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 26));
        Assert.Null(period);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Review_share_counts_doubtful_dossiers_over_submitted_with_their_reasons()
    {
        var builder = new DashboardBuilder(Week, Hanoi);
        var clear = Issued(Monday.AddHours(2), TimeSpan.Zero, TimeSpan.FromMinutes(3));
        var doubtful = Issued(Monday.AddHours(3), TimeSpan.Zero, TimeSpan.FromMinutes(9));
        var refused = Dossier(Monday.AddHours(4), DossierStatus.Refused, TimeSpan.Zero, TimeSpan.FromMinutes(5), "officer-rejected", "art22-2");
        var automatic = Issued(Monday.AddHours(5), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        foreach (var d in new[] { clear, doubtful, refused, automatic })
        {
            builder.Add(d);
        }

        builder.Add(Task(clear, "clear", [], "clerk", "Approve", TimeSpan.FromMinutes(2)));
        builder.Add(Task(doubtful, "doubtful", ["face-review", "field-low-confidence"], "clerk", "Approve", TimeSpan.FromMinutes(6)));
        builder.Add(Task(refused, "doubtful", ["face-review"], "clerk2", "Reject", TimeSpan.FromMinutes(4)));

        var report = builder.Build(Kiosks, Officers);

        Assert.Equal(3, report.Review.OfficerTasks);
        Assert.Equal(2, report.Review.Doubtful);
        Assert.Equal(1, report.Review.Clear);
        Assert.Equal(1, report.Review.IssuedWithoutOfficer);
        Assert.Equal(0.5, report.Review.ManualShare);
        Assert.Equal(new ReasonCount("face-review", 2), report.Review.TopReasons[0]);
        Assert.Equal("art22-2", Assert.Single(report.Rejections).Code);
        var lan = Assert.Single(report.Officers, o => o.UserName == "clerk");
        Assert.Equal(("Nguyễn Thị Lan", 2, 0, 2), (lan.FullName, lan.Approved, lan.Rejected, lan.Total));
        Assert.Equal(2, lan.MedianHandlingMinutes);
        Assert.Equal(1, Assert.Single(report.Officers, o => o.UserName == "clerk2").Rejected);
    }

    [Fact]
    public void A_task_counts_for_the_officer_when_decided_inside_the_period()
    {
        var builder = new DashboardBuilder(Week, Hanoi);
        var before = Issued(Monday.AddDays(-2), TimeSpan.Zero, TimeSpan.FromDays(2.1));
        builder.Add(before);
        builder.Add(Task(before, "clear", [], "clerk", "Approve", TimeSpan.FromDays(2.1)));
        var late = Issued(Monday.AddDays(6.9), TimeSpan.Zero, TimeSpan.FromDays(1));
        builder.Add(late);
        builder.Add(Task(late, "clear", [], "clerk2", "Approve", TimeSpan.FromDays(1)));

        var report = builder.Build(Kiosks, Officers);

        Assert.Equal("clerk", Assert.Single(report.Officers).UserName);
        Assert.Equal(1, report.Totals.Opened);
    }

    [Fact]
    public void Kiosks_are_named_from_the_registry_and_unknown_ones_by_their_id()
    {
        var builder = new DashboardBuilder(Week, Hanoi);
        builder.Add(Issued(Monday.AddHours(1), TimeSpan.Zero, TimeSpan.FromMinutes(3)) with { DeviceId = "kiosk-hk" });
        builder.Add(Issued(Monday.AddHours(2), TimeSpan.Zero, TimeSpan.FromMinutes(3)) with { DeviceId = "kiosk-hk" });
        builder.Add(Issued(Monday.AddHours(3), TimeSpan.Zero, TimeSpan.FromMinutes(3)) with { DeviceId = "gone" });

        var report = builder.Build(Kiosks, Officers);

        Assert.Equal([("Kiosk Hoàn Kiếm", 2), ("gone", 1)], report.Kiosks.Select(k => (k.Name, k.Submitted)));
    }

    private static readonly Dictionary<string, (string Name, string Branch)> Kiosks = new() { ["kiosk-hk"] = ("Kiosk Hoàn Kiếm", "UBND phường Hoàn Kiếm") };
    private static readonly Dictionary<string, string> Officers = new() { ["clerk"] = "Nguyễn Thị Lan", ["clerk2"] = "Phạm Minh Tuấn" };

    private static DossierFact Issued(DateTime created, TimeSpan submittedAfter, TimeSpan copyAfter) =>
        Dossier(created, DossierStatus.Issued, submittedAfter, copyAfter);

    private static DossierFact Dossier(DateTime created, DossierStatus status, TimeSpan submittedAfter, TimeSpan doneAfter, params string[] reasons) =>
        new(Guid.NewGuid(), "kiosk-hk", "hoan-kiem", "cccd", status, reasons, created, created + submittedAfter, created + submittedAfter + doneAfter, 10_000);

    private static UserTaskFact Task(DossierFact dossier, string review, string[] reasons, string officer, string action, TimeSpan handling)
    {
        var created = dossier.SubmittedAt!.Value;
        return new UserTaskFact(
            Guid.NewGuid(),
            dossier.Id.ToString(),
            dossier.AgencyId,
            new Dictionary<string, IReadOnlyList<string>> { ["review"] = [review], ["reason"] = reasons },
            UserTaskStatus.Completed,
            created,
            created + handling,
            officer,
            action);
    }
}
