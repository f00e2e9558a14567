using System.Text.RegularExpressions;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Settings;

/// <summary>
/// What a saved setting must satisfy before any host uses it. The checks run on the server whatever
/// the screen already refused: a bad fee table or a statement that does not render would stop every
/// dossier of the city, not only the administrator's.
/// </summary>
public static partial class SettingsCheck
{
    public const int MaxDocumentTypes = 50;
    public const int MaxNameLength = 80;
    public const int MaxStatementLength = 8_000;
    public const long MaxFeeDong = 100_000_000;
    public const int MaxFirstPages = 1_000;

    public static IReadOnlyList<SettingsProblem> DocumentTypes(
        IReadOnlyDictionary<string, DocumentTypeSettings> types,
        IReadOnlyCollection<string> existingKeys,
        IReadOnlyCollection<string> templateIds,
        int maxPagesPerDossier)
    {
        var problems = new List<SettingsProblem>();
        if (types.Count > MaxDocumentTypes)
        {
            problems.Add(new("too-many-types", MaxDocumentTypes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (!types.Values.Any(t => t.Offered))
        {
            problems.Add(new("none-offered"));
        }
        // Dossiers already started refer to a type by its key: hide a type, never remove it.
        problems.AddRange(existingKeys.Where(k => !types.ContainsKey(k)).Select(k => new SettingsProblem("type-removed", k)));
        foreach (var (key, type) in types)
        {
            if (!KeyPattern().IsMatch(key))
            {
                problems.Add(new("type-key", key));
                continue;
            }
            if (!IsName(type.NameVi) || !IsName(type.NameEn))
            {
                problems.Add(new("type-name", key));
            }
            if (!templateIds.Contains(type.Template))
            {
                problems.Add(new("type-template", key));
            }
            if (type.MaxPages < 1 || type.MaxPages > maxPagesPerDossier)
            {
                problems.Add(new("type-pages", key));
            }
            if (type.Service != DocumentTypeCatalog.CertifiedCopyService)
            {
                problems.Add(new("type-service", key));
            }
        }
        return problems;
    }

    public static IReadOnlyList<SettingsProblem> Fees(FeeOptions fees)
    {
        var problems = new List<SettingsProblem>();
        if (fees.FirstPages is < 0 or > MaxFirstPages)
        {
            problems.Add(new("fee-first-pages"));
        }
        foreach (var (name, amount) in new[] { (nameof(fees.FirstPageFee), fees.FirstPageFee), (nameof(fees.LaterPageFee), fees.LaterPageFee), (nameof(fees.MaxPerCopy), fees.MaxPerCopy) })
        {
            if (amount is < 0 or > MaxFeeDong)
            {
                problems.Add(new("fee-amount", name));
            }
        }
        return problems;
    }

    /// <summary>
    /// The statement must parse, render and fit its page for a one-page original and for the most pages a dossier
    /// may have (a template may print the page count, or branch on it).
    /// </summary>
    public static IReadOnlyList<SettingsProblem> Statement(string template, int maxPagesPerDossier)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return [new("statement-empty")];
        }
        if (template.Length > MaxStatementLength)
        {
            return [new("statement-too-long", MaxStatementLength.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
        if (StatementTemplate.Check(template) is { } error)
        {
            return [new("statement-syntax", error)];
        }
        foreach (var sample in new[] { LongestSample, LongestSample with { Pages = [.. Enumerable.Repeat(LongestSample.Pages[0], Math.Max(1, maxPagesPerDossier))] } })
        {
            string rendered;
            try
            {
                rendered = StatementTemplate.Render(template, sample);
            }
            catch (Exception ex)
            {
                // Whatever an administrator's template does at render time (too many steps, too much text, a filter's error) is a refusal, not a fault.
                return [new("statement-render", ex.Message)];
            }
            if (!CopyRenderer.StatementFits(rendered))
            {
                return [new("statement-too-tall")];
            }
        }
        return [];
    }

    /// <summary>A copy with long names, for rendering a candidate statement as the longest real one would be.</summary>
    public static CertifiedCopyContent LongestSample { get; } = new(
        Pages: [new ScannedPage([], 210, 297)],
        DocumentType: new LocalizedText("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", "Certificate of land-use rights, ownership of houses and other land-attached assets"),
        CertificationNumber: "999999",
        Book: "99/2026/SCTĐT/BS",
        CertificationDate: new DateOnly(2026, 12, 31),
        IssuedAt: new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero),
        Agency: new Agency("sample", "Ủy ban nhân dân phường Hoàng Văn Thụ, quận Hoàng Mai", "Thành phố Hà Nội"),
        Officer: new Officer("sample", "sample", "Nguyễn Thị Phương Thảo Anh", "Phó Chủ tịch Ủy ban nhân dân phường"),
        FeeDong: 200_000,
        VerificationCode: "ABCD-EFGH-JKLM",
        VerificationUrl: "https://chungthuc.hanoi.gov.vn/v/ABCD-EFGH-JKLM");

    private static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(c => c is '<' or '>' || char.IsControl(c));

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
