using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Fees;

/// <summary>Computes the certification fee (Circular 226/2016 by default; the table is configuration).</summary>
[Activity("CalculateFee", Category = "Fees", DisplayName = "Calculate fee", Description = "The copy-certification fee from the original's page count and the number of copies.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class CalculateFee(FeeCalculator calculator) : Activity
{
    [Input(Description = "Pages of the original.", Required = true)]
    public int Pages { get; set; }

    [Input(Description = "Copies asked for.", DefaultJson = "1")]
    public int Copies { get; set; } = 1;

    [Output(Description = "The fee for one copy, in đồng.")]
    public long PerCopyDong { get; set; }

    [Output(Description = "The fee for all copies, in đồng.")]
    public long TotalDong { get; set; }

    [Output(Description = "The total as Vietnamese readers write it, e.g. 4.000 đồng.")]
    public string? TotalText { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (Pages <= 0 || Copies <= 0)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"CalculateFee needs at least one page and one copy (got {Pages} pages, {Copies} copies)."));
        }
        var quote = calculator.Quote(Pages, Copies);
        (PerCopyDong, TotalDong, TotalText) = (quote.PerCopyDong, quote.TotalDong, VietnameseFormat.Money(quote.TotalDong));
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
