using System.Globalization;
using System.Text;

namespace SmartKiosk.Designer.Host.Reports;

/// <summary>
/// One table of the dashboard as CSV (RFC 4180) for a spreadsheet: headers in the reader's language,
/// dates dd/MM/yyyy, numbers with a decimal point (a comma would split the field), UTF-8 with a byte
/// order mark so Excel reads Vietnamese. Text a spreadsheet would run as a formula (a kiosk named
/// "=HYPERLINK(…)") is written as text.
/// </summary>
public static class ReportCsv
{
    public static IReadOnlyList<string> Tables { get; } = ["days", "kiosks", "review-reasons", "rejections", "officers"];

    public static string Write(DashboardReport report, string table, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        var rows = table switch
        {
            "days" => Rows(
                [text["Reports.Csv.Day"], text["Reports.Submitted"], text["Reports.Issued"], text["Reports.Refused"], text["Reports.Other"], text["Reports.Csv.Median"], text["Reports.Csv.P95"]],
                report.Days.Select(d => Line(d.Day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), d.Submitted, d.Issued, d.Refused, d.Other, d.MedianMinutes, d.P95Minutes))),
            "kiosks" => Rows(
                [text["Reports.Csv.Kiosk"], text["Reports.Csv.KioskName"], text["Reports.Csv.Branch"], text["Reports.Csv.Agency"], text["Reports.Submitted"], text["Reports.Issued"], text["Reports.Refused"], text["Reports.Csv.Median"]],
                report.Kiosks.Select(k => Line(k.DeviceId, k.Name, k.Branch, k.AgencyId, k.Submitted, k.Issued, k.Refused, k.MedianMinutes))),
            "review-reasons" => Rows(
                [text["Reports.Csv.Code"], text["Reports.Csv.Reason"], text["Reports.Csv.Dossiers"]],
                report.Review.TopReasons.Select(r => Line(r.Code, text.ReviewReason(r.Code), r.Count))),
            "rejections" => Rows(
                [text["Reports.Csv.Code"], text["Reports.Csv.Reason"], text["Reports.Csv.Dossiers"]],
                report.Rejections.Select(r => Line(r.Code, text.Refusal(r.Code), r.Count))),
            "officers" => Rows(
                [text["Reports.Csv.Account"], text["Reports.Csv.Officer"], text["Reports.Approved"], text["Reports.Rejected"], text["Reports.Rescans"], text["Reports.Csv.Total"], text["Reports.Csv.MedianHandling"]],
                report.Officers.Select(o => Line(o.UserName, o.FullName, o.Approved, o.Rejected, o.Rescans, o.Total, o.MedianHandlingMinutes))),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown report table."),
        };
        return "\uFEFF" + rows;
    }

    private static string Rows(IEnumerable<string> header, IEnumerable<string> lines)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', header.Select(Cell))).Append("\r\n");
        foreach (var line in lines)
        {
            csv.Append(line).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Line(params object?[] cells) => string.Join(',', cells.Select(c => c switch
    {
        null => "",
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Cell(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""),
    }));

    /// <summary>Quoted when it holds a delimiter; prefixed with an apostrophe when a spreadsheet would read a formula.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
