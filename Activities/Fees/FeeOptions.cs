namespace SmartKiosk.Activities.Fees;

/// <summary>
/// The copy-certification fee table (configuration section <c>Fees</c>). Defaults: Circular
/// 226/2016/TT-BTC — 2,000 đồng for each of the first two pages, 1,000 đồng for each page from the
/// third, at most 200,000 đồng per copy; pages are counted on the original.
/// </summary>
public sealed class FeeOptions
{
    public const string SectionName = "Fees";

    public int FirstPages { get; set; } = 2;

    public long FirstPageFee { get; set; } = 2_000;

    public long LaterPageFee { get; set; } = 1_000;

    public long MaxPerCopy { get; set; } = 200_000;
}
