using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Recognition;

/// <summary>
/// Recognises the scanned original: its type (checked against what the citizen declared), its
/// fields with confidences, the QR/MRZ cross-checks and the findings. NeedsRescan when the capture
/// cannot be read (with reasons the kiosk shows), Unrecognised when no template fits.
/// </summary>
[Activity("RecogniseDocument", Category = "Recognition", DisplayName = "Recognise document", Description = "OCR, classification, field extraction and QR/MRZ checks on the scanned pages.")]
[Outcomes(Recognised, Unrecognised, NeedsRescan)]
public sealed class RecogniseDocument(IBlobStore blobs, ScanDecoder decoder, DocumentRecogniser recogniser, IOptions<IntakeLimits> limits) : Activity
{
    public const string Recognised = "Recognised";
    public const string Unrecognised = "Unrecognised";
    public const string NeedsRescan = "NeedsRescan";

    [Input(Description = "The blob addresses (SHA-256) of the scanned pages, in order.", Required = true, IsPersonalData = true)]
    public List<string> Pages { get; set; } = [];

    [Input(Description = "The document type the citizen chose at the kiosk (a template id); empty to classify.")]
    public string? DeclaredType { get; set; }

    [Input(Description = "What took the image, when known.", DefaultJson = "\"Unknown\"")]
    public CaptureSource CaptureSource { get; set; } = CaptureSource.Unknown;

    [Output(Description = "Type, fields with confidences and sources, findings, page quality and OCR text.", IsPersonalData = true)]
    public RecognitionResult? Result { get; set; }

    [Output(Description = "The recognised document type (template id).")]
    public string? DocumentType { get; set; }

    [Output(Description = "Capture problems the kiosk should explain: too-blurred, glare, not-fully-in-frame, resolution-too-low, too-dark, document-not-found.")]
    public List<string> QualityIssues { get; set; } = [];

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var decoded = new List<ScanPages>();
        try
        {
            foreach (var address in Pages)
            {
                var bytes = await blobs.ReadAsync(address, context.CancellationToken);
                decoded.Add(await decoder.DecodeAsync(bytes, ScanInspector.Inspect(bytes, limits.Value), context.CancellationToken));
            }

            var result = await recogniser.RecogniseAsync(decoded.SelectMany(d => d.Pages).ToList(), new RecognitionRequest(string.IsNullOrWhiteSpace(DeclaredType) ? null : DeclaredType, CaptureSource), context.CancellationToken);
            Result = result;
            DocumentType = result.DocumentType;
            QualityIssues = result.PageQuality.SelectMany(q => q.Issues).Select(i => i.Code).Distinct().ToList();
            return ActivityResult.Complete(result.Status switch
            {
                RecognitionStatus.Recognised => Recognised,
                RecognitionStatus.Unrecognised => Unrecognised,
                _ => NeedsRescan,
            });
        }
        finally
        {
            foreach (var pages in decoded)
            {
                pages.Dispose();
            }
        }
    }
}
