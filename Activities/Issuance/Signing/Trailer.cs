using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>The last trailer of a PDF with a classic cross-reference table: what an incremental update carries over.</summary>
internal sealed partial record Trailer(int Size, string Root, string? Info, string? Id, long StartXref)
{
    public static Trailer Read(string text)
    {
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startxref < 0 || trailerAt < 0 || trailerAt > startxref)
        {
            throw new InvalidOperationException("The PDF has no classic trailer (cross-reference streams are not supported here).");
        }
        var body = text[trailerAt..startxref];
        var offset = long.Parse(Number().Match(text, startxref + "startxref".Length).Value, CultureInfo.InvariantCulture);
        return new Trailer(
            int.Parse(Entry(body, "Size", @"\d+") ?? throw new InvalidOperationException("The trailer has no /Size."), CultureInfo.InvariantCulture),
            Entry(body, "Root", @"\d+\s+\d+\s+R") ?? throw new InvalidOperationException("The trailer has no /Root."),
            Entry(body, "Info", @"\d+\s+\d+\s+R"),
            Entry(body, "ID", @"\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]"),
            offset);
    }

    private static string? Entry(string body, string key, string pattern)
    {
        var match = Regex.Match(body, $@"/{key}\s*(?<value>{pattern})");
        return match.Success ? match.Groups["value"].Value : null;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
