using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartKiosk.Designer.Host.Components.Layout;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Reports;

namespace SmartKiosk.Designer.Host.Components.Reports;

/// <summary>
/// The reports dashboard: the period's headline numbers and six charts, each with its numbers as text.
/// Reads on the server through <see cref="DashboardReader"/> (the same numbers as the API and the CSV).
/// </summary>
public sealed partial class DashboardScreen
{
    // Issued green, refused red, still open grey: the meaning the workspace's state colours already give.
    private static readonly string[] OutcomePalette = ["#2e7d32", "#c62828", "#757575"];
    private static readonly string[] TimePalette = ["#1565c0", "#6a1b9a", "#c62828", "#2e7d32"];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private DateTime? from;
    private DateTime? to;
    private DashboardReport? report;
    private string? error;

    private List<ChartSeries<double>> daySeries = [];
    private List<ChartSeries<double>> timeSeries = [];
    private List<ChartSeries<double>> kioskSeries = [];
    private List<ChartSeries<double>> reasonSeries = [];
    private List<ChartSeries<double>> rejectionSeries = [];
    private List<ChartSeries<double>> officerSeries = [];
    private string[] dayLabels = [];
    private string[] kioskLabels = [];
    private string[] reasonLabels = [];
    private string[] rejectionLabels = [];
    private string[] officerLabels = [];

    private StackedBarChartOptions dayOptions = new();
    private StackedBarChartOptions kioskOptions = new();
    private StackedBarChartOptions officerOptions = new();
    private BarChartOptions reasonOptions = new();
    private BarChartOptions rejectionOptions = new();
    private LineChartOptions minuteOptions = new();

    [Inject]
    private DashboardReader Reader { get; set; } = default!;

    [Inject]
    private ReportText Text { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var today = Reader.Today;
        (from, to) = (today.AddDays(-29).ToDateTime(TimeOnly.MinValue), today.ToDateTime(TimeOnly.MinValue));
        await LoadAsync();
    }

    private Task PresetAsync(int days)
    {
        var today = Reader.Today;
        return SetPeriodAsync(today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), today.ToDateTime(TimeOnly.MinValue));
    }

    private async Task SetPeriodAsync(DateTime? newFrom, DateTime? newTo)
    {
        (from, to) = (newFrom, newTo);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var (period, problem) = ReportPeriod.Check(Day(from), Day(to), Reader.Today);
        if (period is null)
        {
            error = T[$"Reports.{problem}", ReportPeriod.MaxDays];
            return;
        }

        error = null;
        report = await Reader.ReadAsync(period, BackOfficeActor.From((await AuthState).User), CancellationToken.None);
        Chart(report);
    }

    private void Chart(DashboardReport r)
    {
        // About eight day labels whatever the period's length, the last day always named.
        var every = Math.Max(1, (int)Math.Ceiling(r.Days.Count / 8.0));
        var last = r.Days.Count - 1;
        dayLabels = [.. r.Days.Select((d, i) => i == last || (i % every == 0 && last - i >= (every + 1) / 2) ? d.Day.ToString("dd/MM", Invariant) : "")];
        dayOptions = Stacked(r.Days.Select(d => d.Submitted));
        kioskOptions = Stacked(r.Kiosks.Select(k => k.Submitted));
        officerOptions = Stacked(r.Officers.Select(o => o.Total));
        reasonOptions = Bars(r.Review.TopReasons.Select(x => x.Count));
        rejectionOptions = Bars(r.Rejections.Select(x => x.Count));
        var slowest = r.Days.Select(d => d.P95Minutes ?? 0).DefaultIfEmpty(0).Max();
        minuteOptions = new LineChartOptions
        {
            ChartPalette = TimePalette,
            ShowDataMarkers = true,
            YAxisFormat = "0",
            YAxisTicks = Ticks(Math.Max(slowest, DashboardReport.ManualMinutes)),
            YAxisRequireZeroPoint = true,
        };
        daySeries = Outcomes(r.Days.Select(d => (d.Issued, d.Refused, d.Other)).ToList());
        timeSeries =
        [
            Series(T["Reports.Median"], r.Days.Select(d => d.MedianMinutes).ToList()),
            Series(T["Reports.P95"], r.Days.Select(d => d.P95Minutes).ToList()),
            Series(T["Reports.ManualLine"], r.Days.Select(_ => (double?)DashboardReport.ManualMinutes).ToList()),
            Series(T["Reports.TargetLine"], r.Days.Select(_ => (double?)DashboardReport.TargetMinutes).ToList()),
        ];
        kioskLabels = [.. r.Kiosks.Select(k => Short(k.Name))];
        kioskSeries = Outcomes(r.Kiosks.Select(k => (k.Issued, k.Refused, k.Submitted - k.Issued - k.Refused)).ToList());
        reasonLabels = [.. r.Review.TopReasons.Select(x => Short(Text.ReviewReason(x.Code)))];
        reasonSeries = [Series(T["Reports.Csv.Dossiers"], r.Review.TopReasons.Select(x => (double?)x.Count).ToList())];
        rejectionLabels = [.. r.Rejections.Select(x => Short(Text.Refusal(x.Code)))];
        rejectionSeries = [Series(T["Reports.Csv.Dossiers"], r.Rejections.Select(x => (double?)x.Count).ToList())];
        officerLabels = [.. r.Officers.Select(o => Short(o.FullName))];
        officerSeries =
        [
            Series(T["Reports.Approved"], r.Officers.Select(o => (double?)o.Approved).ToList()),
            Series(T["Reports.Rejected"], r.Officers.Select(o => (double?)o.Rejected).ToList()),
            Series(T["Reports.Rescans"], r.Officers.Select(o => (double?)o.Rescans).ToList()),
        ];
    }

    private List<ChartSeries<double>> Outcomes(List<(int Issued, int Refused, int Other)> lines) =>
    [
        Series(T["Reports.Issued"], lines.Select(l => (double?)l.Issued).ToList()),
        Series(T["Reports.Refused"], lines.Select(l => (double?)l.Refused).ToList()),
        Series(T["Reports.Other"], lines.Select(l => (double?)l.Other).ToList()),
    ];

    private static StackedBarChartOptions Stacked(IEnumerable<int> totals) =>
        new() { ChartPalette = OutcomePalette, YAxisFormat = "0", YAxisTicks = Ticks(totals.DefaultIfEmpty(0).Max()) };

    private static BarChartOptions Bars(IEnumerable<int> counts) =>
        new() { ChartPalette = ["#1565c0"], YAxisFormat = "0", YAxisTicks = Ticks(counts.DefaultIfEmpty(0).Max()) };

    /// <summary>A tick spacing giving about five whole-number steps up to <paramref name="max"/>.</summary>
    private static int Ticks(double max) => Math.Max(1, (int)Math.Ceiling(max / 5));

    /// <summary>Axis labels stay short; the full words are in the caption and the table.</summary>
    private static string Short(string label) => label.Length <= 28 ? label : label[..27].TrimEnd() + "…";

    private static ChartSeries<double> Series(string name, IReadOnlyList<double?> values) =>
        new() { Name = name, Data = new ChartData<double>(values) };

    private string PerDaySummary => report is { } r
        ? T["Reports.PerDaySummary", Number(r.Totals.Submitted), r.Period.Days, r.Days.MaxBy(d => d.Submitted) is { Submitted: > 0 } busiest ? busiest.Day.ToString("dd/MM/yyyy", Invariant) : "—"]
        : "";

    private string TimeSummary => report is { } r
        ? T["Reports.TimeSummary", Minutes(r.SubmissionToCopy.MedianMinutes), Minutes(r.SubmissionToCopy.P95Minutes), Minutes(DashboardReport.ManualMinutes)]
        : "";

    private string KioskSummary => report is { } r
        ? T["Reports.KioskSummary", r.Kiosks.Count, r.Kiosks.Count > 0 ? r.Kiosks[0].Name : "—"]
        : "";

    private string ReviewSummaryText => report is { } r
        ? T["Reports.ReviewSummary", WorkspaceFormat.Percent(r.Review.ManualShare), r.Review.TopReasons.Count > 0 ? Text.ReviewReason(r.Review.TopReasons[0].Code).TrimEnd('.') : "—"]
        : "";

    private string RejectionSummary => report is { } r
        ? T["Reports.RejectionSummary", Number(r.Totals.Refused), r.Rejections.Count > 0 ? Text.Refusal(r.Rejections[0].Code).TrimEnd('.') : "—"]
        : "";

    private string OfficerSummary => report is { } r
        ? T["Reports.OfficerSummary", r.Officers.Count, Number(r.Officers.Sum(o => o.Total))]
        : "";

    private string CsvLink(string table) => report is { } r
        ? string.Create(Invariant, $"/api/reports/dashboard.csv?table={table}&from={r.Period.From:yyyy-MM-dd}&to={r.Period.To:yyyy-MM-dd}")
        : $"/api/reports/dashboard.csv?table={table}";

    private static DateOnly? Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static string Number(int value) => value.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));

    private string Minutes(double? value) => value is { } v ? T["Reports.Minutes", v.ToString("0.0", CultureInfo.CurrentCulture)] : "—";
}
