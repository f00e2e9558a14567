using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Issuance.Rendering;

namespace SmartKiosk.Activities.Tests.Fees;

/// <summary>Circular 226/2016: 2,000 đồng for each of pages 1–2, 1,000 from page 3, at most 200,000 per copy.</summary>
public sealed class FeeCalculatorTests
{
    private readonly FeeCalculator calculator = new(Options.Create(new FeeOptions()));

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
    public void The_table_is_configuration()
    {
        var custom = new FeeCalculator(Options.Create(new FeeOptions { FirstPageFee = 3_000, LaterPageFee = 1_500, MaxPerCopy = 10_000 }));

        Assert.Equal(7_500, custom.Quote(3, 1).TotalDong);
        Assert.Equal(10_000, custom.Quote(100, 1).PerCopyDong);
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
}
