using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Settings;

namespace SmartKiosk.Activities.Tests.Fees;

/// <summary>Circular 226/2016: 2,000 đồng for each of pages 1–2, 1,000 from page 3, at most 200,000 per copy.</summary>
public sealed class FeeCalculatorTests
{
    private static readonly FeeCalculator calculator = Calculator(new SavedSettingsProvider()).Calculator;

    [Theory]
    [InlineData(1, 1, 2_000)]
    [InlineData(2, 1, 4_000)]
    [InlineData(3, 1, 5_000)]
    [InlineData(10, 1, 12_000)]
    [InlineData(2, 3, 12_000)]
    [InlineData(198, 1, 200_000)]
    [InlineData(199, 1, 200_000)]
    [InlineData(500, 2, 400_000)]
    public void The_fee_follows_the_circular(int pages, int copies, long total) =>
        Assert.Equal(total, calculator.Quote(pages, copies).TotalDong);

    [Fact]
    public void The_cap_applies_per_copy_and_is_reported()
    {
        var quote = calculator.Quote(300, 2);

        Assert.Equal(200_000, quote.PerCopyDong);
        Assert.True(quote.Capped);
        Assert.False(calculator.Quote(198, 1).Capped);
    }

    [Fact]
    public void The_table_is_configuration_and_a_table_saved_on_screen_applies_to_the_next_quote()
    {
        var saved = new SavedSettingsProvider();
        var (custom, services) = Calculator(saved, new() { ["Fees:FirstPageFee"] = "3000", ["Fees:LaterPageFee"] = "1500", ["Fees:MaxPerCopy"] = "10000" });
        using var _ = services;
        Assert.Equal(7_500, custom.Quote(3, 1).TotalDong);
        Assert.Equal(10_000, custom.Quote(100, 1).PerCopyDong);

        saved.Apply([new(SettingsSection.Fees, 1, """{"FirstPages":1,"FirstPageFee":5000,"LaterPageFee":500,"MaxPerCopy":20000}""")]);

        Assert.Equal(6_000, custom.Quote(3, 1).TotalDong);
        Assert.Equal(20_000, custom.Quote(100, 1).PerCopyDong);
    }

    [Fact]
    public void Amounts_read_as_Vietnamese_write_them() =>
        Assert.Equal(("4.000 đồng", "200.000 đồng"), (VietnameseFormat.Money(4_000), VietnameseFormat.Money(200_000)));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    public void Nothing_is_charged_for_nothing(int pages, int copies) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Quote(pages, copies));

    // The calculator as a host builds it: options bound from the configuration, with the saved settings as its last source.
    private static (FeeCalculator Calculator, ServiceProvider Services) Calculator(SavedSettingsProvider saved, Dictionary<string, string?>? files = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(files ?? []).Add(saved).Build();
        var services = new ServiceCollection().AddSingleton<FeeCalculator>();
        services.AddOptions<FeeOptions>().Bind(configuration.GetSection(FeeOptions.SectionName));
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<FeeCalculator>(), provider);
    }
}
