using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Settings;

namespace SmartKiosk.Activities.Tests.Settings;

/// <summary>What an administrator may save: every refusal names its reason, the shipped defaults pass.</summary>
public sealed class SettingsCheckTests
{
    private static readonly string[] Templates = ["cccd-2021-front", "birth-certificate", "university-diploma", "land-use-certificate", "generic"];

    [Fact]
    public void The_shipped_document_types_fee_table_and_statement_pass()
    {
        var types = new DocumentTypeOptions().Types;

        Assert.Empty(SettingsCheck.DocumentTypes(types, [.. types.Keys], Templates, 20));
        Assert.Empty(SettingsCheck.Fees(new FeeOptions()));
        Assert.Empty(SettingsCheck.Statement(StatementTemplate.Default, 20));
    }

    [Fact]
    public void Document_types_are_refused_with_the_type_and_reason()
    {
        var types = Copy(new DocumentTypeOptions().Types);
        types["cccd"].NameVi = "<img src=x onerror=alert(1)>";
        types["diploma"].Template = "no-such-template";
        types["generic"].MaxPages = 21;
        types["birth-certificate"].NameEn = " ";
        types["Bad Key"] = new DocumentTypeSettings { NameVi = "A", NameEn = "A" };
        types.Remove("land-use-certificate");

        var problems = SettingsCheck.DocumentTypes(types, [.. new DocumentTypeOptions().Types.Keys], Templates, 20);

        string[] expected = ["type-removed:land-use-certificate", "type-name:birth-certificate", "type-name:cccd", "type-template:diploma", "type-pages:generic", "type-key:Bad Key"];
        Assert.Equal(expected.Order(), problems.Select(p => $"{p.Code}:{p.Subject}").Order());
    }

    [Fact]
    public void Hiding_every_type_is_refused()
    {
        var types = Copy(new DocumentTypeOptions().Types);
        foreach (var type in types.Values)
        {
            type.Offered = false;
        }

        Assert.Equal("none-offered", Assert.Single(SettingsCheck.DocumentTypes(types, [.. types.Keys], Templates, 20)).Code);
    }

    [Fact]
    public void Negative_or_absurd_fees_are_refused()
    {
        var problems = SettingsCheck.Fees(new FeeOptions { FirstPages = -1, FirstPageFee = -2_000, MaxPerCopy = SettingsCheck.MaxFeeDong + 1 });

        Assert.Equal(["fee-first-pages:", "fee-amount:FirstPageFee", "fee-amount:MaxPerCopy"], problems.Select(p => $"{p.Code}:{p.Subject}"));
    }

    [Theory]
    [InlineData("", "statement-empty")]
    [InlineData("Số {{ number ", "statement-syntax")]
    // Loops and variables are not part of a statement's language: they could grow text without bound within the step limit.
    [InlineData("{% for i in (1..100000) %}x{% endfor %}", "statement-syntax")]
    [InlineData("{% assign s = verification_url %}{{ s }}", "statement-syntax")]
    [InlineData("{% capture s %}x{% endcapture %}", "statement-syntax")]
    public void A_statement_that_does_not_render_is_refused(string template, string code) =>
        Assert.Equal(code, Assert.Single(SettingsCheck.Statement(template, 20)).Code);

    [Fact]
    public void A_statement_too_long_for_its_page_is_refused_while_one_line_more_than_the_default_fits()
    {
        var longer = StatementTemplate.Default + "\nGhi chú / Note: bản sao có giá trị sử dụng thay cho bản chính trong các giao dịch.";
        var tooTall = string.Join('\n', Enumerable.Repeat("Người thực hiện chứng thực / Certifying officer: {{ officer_name }}, {{ officer_title }}", 30));

        Assert.Empty(SettingsCheck.Statement(longer, 20));
        Assert.Equal("statement-too-tall", Assert.Single(SettingsCheck.Statement(tooTall, 20)).Code);
        Assert.Equal("statement-too-long", Assert.Single(SettingsCheck.Statement(new string('x', SettingsCheck.MaxStatementLength + 1), 20)).Code);
    }

    [Fact]
    public void Filters_that_multiply_text_do_nothing_and_text_filters_work()
    {
        var rendered = StatementTemplate.Render("{{ verification_url | split: '' | join: verification_url }}|{{ agency_name | upcase }}", SettingsCheck.LongestSample);

        Assert.Equal(SettingsCheck.LongestSample.VerificationUrl + "|ỦY BAN NHÂN DÂN PHƯỜNG HOÀNG VĂN THỤ, QUẬN HOÀNG MAI", rendered);
    }

    [Fact]
    public void A_statement_that_only_overflows_for_a_long_original_is_refused()
    {
        var longOriginal = StatementTemplate.Default + "\n{% if pages > 10 %}" + string.Join('\n', Enumerable.Repeat("Trang / Page: {{ pages }} — {{ document_vi }}", 12)) + "{% endif %}";

        Assert.Equal("statement-too-tall", Assert.Single(SettingsCheck.Statement(longOriginal, 20)).Code);
        Assert.Empty(SettingsCheck.Statement(longOriginal, 10));
    }

    private static Dictionary<string, DocumentTypeSettings> Copy(Dictionary<string, DocumentTypeSettings> types) =>
        types.ToDictionary(t => t.Key, t => new DocumentTypeSettings
        {
            NameVi = t.Value.NameVi, NameEn = t.Value.NameEn, Template = t.Value.Template, HasPortrait = t.Value.HasPortrait, MaxPages = t.Value.MaxPages,
            AutoApprove = t.Value.AutoApprove, LivenessRequired = t.Value.LivenessRequired, PaymentRequired = t.Value.PaymentRequired, Offered = t.Value.Offered,
        }, StringComparer.Ordinal);
}
