using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Fees;

/// <summary>
/// The certification fee of a request: per copy from the original's page count, capped, times the
/// copies asked for — with the fee table in force now (administrators may change it on screen).
/// </summary>
public sealed class FeeCalculator(IOptionsMonitor<FeeOptions> options)
{
    public FeeQuote Quote(int pages, int copies) => Quote(options.CurrentValue, pages, copies);

    /// <summary>The fee under a given table (a table being edited, before it is saved).</summary>
    public static FeeQuote Quote(FeeOptions table, int pages, int copies)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        var first = Math.Min(pages, table.FirstPages);
        var later = pages - first;
        var uncapped = first * table.FirstPageFee + later * table.LaterPageFee;
        var perCopy = Math.Min(uncapped, table.MaxPerCopy);
        return new FeeQuote(pages, copies, perCopy, perCopy * copies, Capped: uncapped > table.MaxPerCopy);
    }
}

/// <summary>A fee with how it was reached, in đồng.</summary>
public sealed record FeeQuote(int Pages, int Copies, long PerCopyDong, long TotalDong, bool Capped);
