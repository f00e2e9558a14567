using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Settings;

namespace SmartKiosk.Activities.Tests.Settings;

/// <summary>The saved settings as the host's last configuration source: over the files, under nothing, seen on the next read.</summary>
public sealed class SavedSettingsProviderTests
{
    [Fact]
    public void Saved_document_types_override_the_files_add_types_and_reach_the_catalog_on_its_next_read()
    {
        var saved = new SavedSettingsProvider();
        using var services = Services(saved, new() { ["DocumentTypes:Types:cccd:AutoApprove"] = "true", ["DocumentTypes:Types:cccd:NameVi"] = "Căn cước (tệp)" });
        var catalog = services.GetRequiredService<DocumentTypeCatalog>();
        Assert.Equal(("Căn cước (tệp)", true), (catalog.Find("cccd")!.Settings.NameVi, catalog.Find("cccd")!.Settings.AutoApprove));

        saved.Apply([new(SettingsSection.DocumentTypes, 3, """
            {"Types":{"cccd":{"NameVi":"Căn cước","NameEn":"ID card","Template":"cccd-2021-front","HasPortrait":true,"MaxPages":2,"AutoApprove":false,"Offered":true},
                      "marriage-certificate":{"NameVi":"Giấy chứng nhận kết hôn","NameEn":"Marriage certificate","Template":"generic","MaxPages":2,"Offered":true}}}
            """)]);

        Assert.Equal(("Căn cước", false), (catalog.Find("cccd")!.Settings.NameVi, catalog.Find("cccd")!.Settings.AutoApprove));
        Assert.Equal("Giấy chứng nhận kết hôn", catalog.Find("marriage-certificate")!.Settings.NameVi);
        // Types saved without a key keep their defaults: the binder merges, hiding is how a type goes away.
        Assert.NotNull(catalog.Find("diploma"));
    }

    [Fact]
    public void A_saved_statement_replaces_the_configured_one_and_nothing_saved_leaves_the_configuration()
    {
        var saved = new SavedSettingsProvider();
        using var services = Services(saved, new() { ["Issuance:StatementTemplate"] = "## Từ tệp" });
        var issuance = services.GetRequiredService<IOptionsMonitor<IssuanceOptions>>();
        Assert.Equal("## Từ tệp", issuance.CurrentValue.StatementTemplate);

        saved.Apply([new(SettingsSection.Statement, 2, "\"## Lời chứng\\nSố {{ number }}\"")]);
        Assert.Equal("## Lời chứng\nSố {{ number }}", issuance.CurrentValue.StatementTemplate);

        saved.Apply([]);
        Assert.Equal("## Từ tệp", issuance.CurrentValue.StatementTemplate);
    }

    [Fact]
    public void A_screen_reads_the_applied_version_and_an_unreadable_section_leaves_the_others_applied()
    {
        var saved = new SavedSettingsProvider();
        using var services = Services(saved, []);
        Assert.Equal(0, saved.AppliedVersion(SettingsSection.Fees));

        var unreadable = saved.Apply([new(SettingsSection.Fees, 4, """{"FirstPageFee":2500}"""), new(SettingsSection.Statement, 7, "{not json")]);

        Assert.Equal(["statement"], unreadable);
        Assert.Equal((4, 0), (saved.AppliedVersion(SettingsSection.Fees), saved.AppliedVersion(SettingsSection.Statement)));
        Assert.Equal(2500, services.GetRequiredService<IOptionsMonitor<FeeOptions>>().CurrentValue.FirstPageFee);
    }

    [Fact]
    public void A_type_key_spelt_in_capitals_in_the_environment_is_the_same_type()
    {
        using var services = Services(new SavedSettingsProvider(), new() { ["DocumentTypes:Types:CCCD:MaxPages"] = "3" });
        var catalog = services.GetRequiredService<DocumentTypeCatalog>();

        Assert.Equal(5, catalog.All.Count);
        Assert.Equal(("cccd", 3), (catalog.Find("CCCD")!.Key, catalog.Find("cccd")!.Settings.MaxPages));
    }

    // As a host builds it: a ConfigurationManager (sources added one by one, each built at once) with the saved settings last.
    private static ServiceProvider Services(SavedSettingsProvider saved, Dictionary<string, string?> files)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(files);
        ((IConfigurationBuilder)configuration).Add(saved);
        var services = new ServiceCollection().AddSingleton<DocumentTypeCatalog>();
        services.AddOptions<DocumentTypeOptions>().Bind(configuration.GetSection(DocumentTypeOptions.SectionName));
        services.AddOptions<IssuanceOptions>().Bind(configuration.GetSection(IssuanceOptions.SectionName));
        services.AddOptions<FeeOptions>().Bind(configuration.GetSection(FeeOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
