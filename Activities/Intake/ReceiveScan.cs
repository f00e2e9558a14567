using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Intake;

/// <summary>
/// Accepts or refuses the scanned pages of a dossier: each stored page is inspected by content
/// (format, size, pixels, pages, truncation, polyglots, PDF scripts) and decoded once, so a damaged
/// file is refused here with a reason code rather than failing later in recognition.
/// </summary>
[Activity("ReceiveScan", Category = "Intake", DisplayName = "Receive scan", Description = "Checks the uploaded pages by content and refuses unsafe or damaged files with a reason.")]
[Outcomes(Accepted, Rejected)]
public sealed class ReceiveScan(IBlobStore blobs, ScanDecoder decoder, IOptions<IntakeLimits> limits) : Activity
{
    public const string Accepted = "Accepted";
    public const string Rejected = "Rejected";

    [Input(Description = "The blob addresses (SHA-256) of the uploaded pages, in order.", Required = true, IsPersonalData = true)]
    public List<string> Pages { get; set; } = [];

    [Output(Description = "Pages after rasterising PDFs and splitting TIFFs.")]
    public int PageCount { get; set; }

    [Output(Description = "Why the scan was refused: empty, too-large, unknown-format, truncated, too-many-pixels, too-many-pages, trailing-data, pdf-active-content, damaged…")]
    public string? RejectionCode { get; set; }

    [Output]
    public string? RejectionMessage { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Pages.Count == 0)
        {
            return Refuse(new ScanRejectedException("empty", "No page was uploaded."));
        }

        var total = 0;
        foreach (var address in Pages)
        {
            try
            {
                var bytes = await blobs.ReadAsync(address, context.CancellationToken);
                var inspection = ScanInspector.Inspect(bytes, limits.Value);
                using var pages = await decoder.DecodeAsync(bytes, inspection, context.CancellationToken);
                total += pages.Pages.Count;
            }
            catch (ScanRejectedException ex)
            {
                return Refuse(ex);
            }
        }

        if (total > limits.Value.MaxPages)
        {
            return Refuse(new ScanRejectedException("too-many-pages", $"The dossier has {total} pages; at most {limits.Value.MaxPages} are accepted."));
        }

        PageCount = total;
        return ActivityResult.Complete(Accepted);
    }

    private ActivityResult Refuse(ScanRejectedException ex)
    {
        RejectionCode = ex.Code;
        RejectionMessage = ex.Message;
        return ActivityResult.Complete(Rejected);
    }
}
