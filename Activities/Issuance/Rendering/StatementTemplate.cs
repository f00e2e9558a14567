using System.Globalization;
using Fluid;

namespace SmartKiosk.Activities.Issuance.Rendering;

/// <summary>
/// The certification statement (lời chứng) as a Liquid template an administrator can edit. The
/// default follows Decree 23/2015's wording, Vietnamese with English beside it. Lines starting with
/// <c>## </c> are headings; a blank line separates paragraphs.
/// </summary>
public static class StatementTemplate
{
    /// <summary>Most characters a rendered statement may have (it has to fit one page).</summary>
    public const int MaxRenderedLength = 20_000;

    // An administrator's wording, not a program: output, conditions and text filters only. Loops, variables and
    // filters that multiply text (split/join, append in a loop…) could exhaust the server's memory within the
    // step limit, so they do not parse (tags) or do nothing (filters).
    private static readonly string[] WithoutTags = ["for", "tablerow", "cycle", "assign", "capture", "increment", "decrement", "include", "render", "liquid"];
    private static readonly HashSet<string> KeptFilters = new(StringComparer.Ordinal)
    {
        "upcase", "downcase", "capitalize", "strip", "lstrip", "rstrip", "default", "size", "truncate", "truncatewords",
    };

    private static readonly FluidParser Parser = RestrictedParser();
    private static readonly TemplateOptions Options = RestrictedOptions();

    public static string Default { get; } = LoadDefault();

    /// <summary>Null when the template parses, otherwise the error (for the template editor).</summary>
    public static string? Check(string template) => Parser.TryParse(template, out _, out var error) ? null : error;

    public static string Render(string template, CertifiedCopyContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            throw new ArgumentException($"The statement template does not parse: {error}", nameof(template));
        }
        var context = new TemplateContext(Options);
        foreach (var (name, value) in Variables(content))
        {
            context.SetValue(name, value);
        }
        // Plain text into a PDF: no HTML encoding.
        var rendered = parsed.Render(context, NullEncoder.Default);
        return rendered.Length <= MaxRenderedLength
            ? rendered
            : throw new InvalidOperationException($"The statement renders to more than {MaxRenderedLength} characters.");
    }

    private static FluidParser RestrictedParser()
    {
        var parser = new FluidParser();
        foreach (var tag in WithoutTags)
        {
            parser.RegisteredTags.Remove(tag);
        }
        return parser;
    }

    private static TemplateOptions RestrictedOptions()
    {
        var options = new TemplateOptions { MaxSteps = 10_000, MaxRecursion = 8 };
        foreach (var name in options.Filters.Select(f => f.Key).Where(n => !KeptFilters.Contains(n)).ToList())
        {
            options.Filters.Remove(name);
        }
        return options;
    }

    /// <summary>The names a template may use, in the order the editor lists them.</summary>
    public static IReadOnlyList<string> VariableNames { get; } =
        [.. Variables(EmptyContent()).Select(v => v.Key)];

    /// <summary>The rendered statement's lines as the page lays them out: headings (<c>## </c>) and paragraphs, blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string rendered) =>
        [.. rendered.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static Dictionary<string, object> Variables(CertifiedCopyContent content)
    {
        var date = content.CertificationDate;
        return new Dictionary<string, object>
        {
            ["number"] = content.CertificationNumber,
            ["book"] = content.Book,
            ["day"] = date.Day.ToString("00", CultureInfo.InvariantCulture),
            ["month"] = date.Month.ToString("00", CultureInfo.InvariantCulture),
            ["year"] = date.Year.ToString(CultureInfo.InvariantCulture),
            ["date"] = VietnameseFormat.Date(date),
            ["document_vi"] = content.DocumentType.Vi,
            ["document_en"] = content.DocumentType.En,
            ["pages"] = content.Pages.Count,
            ["fee"] = VietnameseFormat.Money(content.FeeDong),
            ["officer_name"] = content.Officer.FullName,
            ["officer_title"] = content.Officer.Title,
            ["agency_name"] = content.Agency.Name,
            ["province"] = content.Agency.Province,
            ["verification_code"] = content.VerificationCode,
            ["verification_url"] = content.VerificationUrl,
        };
    }

    private static CertifiedCopyContent EmptyContent() => new(
        [], new Recognition.Findings.LocalizedText("", ""), "", "", default, default,
        new Agencies.Agency("", "", ""), new Agencies.Officer("", "", "", ""), 0, "", "");

    private static string LoadDefault()
    {
        using var stream = typeof(StatementTemplate).Assembly.GetManifestResourceStream("SmartKiosk.Activities.Issuance.Rendering.Templates.statement.liquid")
            ?? throw new InvalidOperationException("The default statement template is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
