using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
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

        saved.Apply([(SettingsSection.DocumentTypes, """
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

        saved.Apply([(SettingsSection.Statement, "\"## Lời chứng\\nSố {{ number }}\"")]);
        Assert.Equal("## Lời chứng\nSố {{ number }}", issuance.CurrentValue.StatementTemplate);

        saved.Apply([]);
        Assert.Equal("## Từ tệp", issuance.CurrentValue.StatementTemplate);
    }

    private static ServiceProvider Services(SavedSettingsProvider saved, Dictionary<string, string?> files)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(files).Add(saved).Build();
        var services = new ServiceCollection().AddSingleton<DocumentTypeCatalog>();
        services.AddOptions<DocumentTypeOptions>().Bind(configuration.GetSection(DocumentTypeOptions.SectionName));
        services.AddOptions<IssuanceOptions>().Bind(configuration.GetSection(IssuanceOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
