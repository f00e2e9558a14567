using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Templates;

namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// Reads a doubtful value a second time, on its own: the value's box cut out with a margin,
/// enlarged, as a single line. Two reads of different images that normalise to the same value
/// rarely share an error, so agreement lifts the confidence; disagreement leaves the value doubted.
/// </summary>
public sealed class SecondReader(IOcrEngine ocr)
{
    /// <summary>What two agreeing reads are worth: enough to pass, less than a machine-readable source.</summary>
    public const double AgreedConfidence = 0.9;

    public async Task<ExtractedField> ConfirmAsync(Mat document, ExtractedField field, FieldRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(rule);
        if (field.Box is not { } box || field.Source != "ocr")
        {
            return field;
        }

        // Room above and below for tone marks; little to the sides, where the label's colon sits.
        var margin = Math.Max(6, box.Height / 2);
        const int side = 4;
        var area = new Rect(box.X - side, box.Y - margin, box.Width + (2 * side), box.Height + (2 * margin))
            .Intersect(new Rect(0, 0, document.Width, document.Height));
        if (area.Width < 8 || area.Height < 8)
        {
            return field;
        }

        using var cut = new Mat(document, area);
        using var larger = new Mat();
        Cv2.Resize(cut, larger, new Size(0, 0), 2, 2, InterpolationFlags.Cubic);
        var read = await ocr.RecogniseAsync(larger, OcrRequest.Vietnamese(OcrLayout.Line), null, cancellationToken);
        var second = Normalisers.Apply(rule, read.Text);
        return second is { } value && value.Value == field.Value
            ? field with { Confidence = Math.Max(field.Confidence, AgreedConfidence), Source = "ocr+reread" }
            : field;
    }
}
