using SmartKiosk.Designer.Host.Reports;

namespace SmartKiosk.Designer.Tests.Reports;

public sealed class ReportCsvTests
{
    [Theory]
    [InlineData("Kiosk Hoàn Kiếm", "Kiosk Hoàn Kiếm")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Tầng 1, sảnh", "\"Tầng 1, sảnh\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Cells_are_quoted_and_never_read_as_formulas(string value, string expected) =>
        Assert.Equal(expected, ReportCsv.Cell(value));
}
