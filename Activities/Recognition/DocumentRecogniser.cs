using System.Diagnostics;
using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Barcodes;
using SmartKiosk.Activities.Recognition.Extraction;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.IdCards;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Validation;

namespace SmartKiosk.Activities.Recognition;

/// <summary>
/// The recognition pipeline for one scanned original: prepare each page (find, rectify, straighten,
/// judge quality), OCR it, decide the document type, read the fields, decode the codes it carries
/// (QR, MRZ), cross-check them, validate, and collect every finding with its reason.
/// </summary>
public sealed class DocumentRecogniser(IOcrEngine ocr, PagePreparer preparer, ITemplateStore templates, FieldValidator validator, MrzReader mrzReader, RedInkReader redInk, SecondReader secondReader)
{
    /// <summary>Below this keyword score no template is believed: the fallback takes the document.</summary>
    public const double MinClassificationScore = 0.4;

    /// <summary>Another type must score this much more than the declared one to call it a mismatch.</summary>
    public const double MismatchMargin = 0.25;

    public async Task<RecognitionResult> RecogniseAsync(IReadOnlyList<Mat> pages, RecognitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var prepared = new List<PreparedPage>();
        var all = await templates.GetAllAsync(cancellationToken);
        var declared = all.FirstOrDefault(t => t.Id == request.DeclaredType);
        var expectedShape = declared is null ? null : DocumentShape.Named(declared.Shape);
        try
        {
            foreach (var page in pages)
            {
                prepared.Add(preparer.Prepare(page, request.Source, expectedShape));
            }

            var prepareMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var quality = prepared.Select(p => p.Quality).ToList();
            if (quality.Any(q => !q.Passed))
            {
                var issues = quality.SelectMany(q => q.Issues).Select(i => i.Code).Distinct().ToList();
                return new RecognitionResult
                {
                    Status = RecognitionStatus.NeedsRescan,
                    DeclaredType = request.DeclaredType,
                    PageQuality = quality,
                    Findings = issues.Select(code => new Finding(FindingCodes.CaptureQuality, FindingSeverity.Review, null, RecognitionText.Finding(FindingCodes.CaptureQuality, RecognitionText.Quality(code)))).ToList(),
                    Timings = new RecognitionTimings { PrepareMs = prepareMs, TotalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds },
                };
            }

            var ocrStarted = Stopwatch.GetTimestamp();
            // Pages are read side by side: the pool lends one engine per core.
            var texts = (await Task.WhenAll(prepared.Select(page =>
            {
                var card = page.Geometry.Shape == DocumentShape.Card;
                var request = OcrRequest.Vietnamese(card ? OcrLayout.Sparse : OcrLayout.Auto) with { Resolution = card ? 300 : 200 };
                return ocr.RecogniseAsync(page.Document, request, null, cancellationToken);
            }))).ToList();

            var ocrMs = Stopwatch.GetElapsedTime(ocrStarted).TotalMilliseconds;
            var allText = string.Join('\n', texts.Select(t => t.Text));
            var ranked = TemplateClassifier.Rank(allText, prepared[0].Geometry.Shape, all);
            var classifiedType = ranked.Count > 0 && ranked[0].Value >= MinClassificationScore ? ranked[0].Template.Id : null;
            var (template, score, typeFindings) = Classify(all, ranked, request.DeclaredType);
            var findings = new List<Finding>(typeFindings);
            var stamps = new List<OcrPage>();
            foreach (var page in prepared)
            {
                stamps.AddRange(await redInk.ReadAsync(page.Document, cancellationToken));
            }

            findings.AddRange(RedFlagDetector.Detect(texts, stamps));

            if (template is null || template.IsFallback)
            {
                findings.Add(new Finding(FindingCodes.DocumentUnrecognised, FindingSeverity.Review, null, RecognitionText.Finding(FindingCodes.DocumentUnrecognised)));
                return Result(RecognitionStatus.Unrecognised, template?.Id, request, score, [], findings, quality, allText, prepareMs, ocrMs, 0, started) with { ClassifiedType = classifiedType };
            }

            var printed = new List<ExtractedField>();
            for (var i = 0; i < texts.Count; i++)
            {
                foreach (var field in FieldExtractor.Extract(texts[i], template))
                {
                    // A doubtful read gets a second, independent look before it is flagged.
                    var rule = template.Fields.First(f => f.Key == field.Key);
                    printed.Add(field.Confidence < template.MinFieldConfidence
                        ? await secondReader.ConfirmAsync(prepared[i].Document, field, rule, cancellationToken)
                        : field);
                }
            }

            printed = printed.GroupBy(f => f.Key).Select(g => g.OrderByDescending(f => f.Confidence).First()).ToList();

            var codesStarted = Stopwatch.GetTimestamp();
            var readings = new List<MachineReading>();
            Td1Mrz? mrz = null;
            if (template.Codes.Contains("cccd-qr") || template.Codes.Contains("land-qr"))
            {
                var payload = prepared.Select(p => QrCodeReader.Read(p.Document)).FirstOrDefault(p => p is not null);
                if (payload is null)
                {
                    findings.Add(new Finding(FindingCodes.QrNotFound, FindingSeverity.Review, null, RecognitionText.Finding(FindingCodes.QrNotFound)));
                }
                else if (template.Codes.Contains("land-qr"))
                {
                    readings.AddRange(MachineReadings.FromLandCertificate(payload));
                }
                else if (CardQrPayload.TryParse(payload) is { } qr)
                {
                    readings.AddRange(MachineReadings.From(qr));
                }
                else
                {
                    findings.Add(new Finding(FindingCodes.QrUnreadable, FindingSeverity.Review, null, RecognitionText.Finding(FindingCodes.QrUnreadable)));
                }
            }

            if (template.Codes.Contains("td1-mrz"))
            {
                mrz = await mrzReader.ReadAsync(prepared[0].Document, cancellationToken);
                findings.AddRange(MrzFindings(mrz, template));
                if (mrz is not null)
                {
                    readings.AddRange(MachineReadings.From(mrz));
                }
            }

            var codesMs = Stopwatch.GetElapsedTime(codesStarted).TotalMilliseconds;
            var (fields, crossFindings) = SourceMerger.Merge(template, printed, readings);
            if (mrz is not null)
            {
                fields.AddRange(MrzLines(mrz, fields));
            }

            findings.AddRange(crossFindings);
            findings.AddRange(validator.Validate(template, fields));
            var labelled = fields.ConvertAll(f => f with { Label = template.Fields.FirstOrDefault(rule => rule.Key == f.Key)?.Label });
            return Result(RecognitionStatus.Recognised, template.Id, request, score, labelled, findings, quality, allText, prepareMs, ocrMs, codesMs, started) with { ClassifiedType = classifiedType };
        }
        finally
        {
            foreach (var page in prepared)
            {
                page.Dispose();
            }
        }
    }

    private static (DocumentTemplate? Template, double Score, List<Finding> Findings) Classify(IReadOnlyList<DocumentTemplate> all, IReadOnlyList<TemplateClassifier.Score> ranked, string? declared)
    {
        var best = ranked.Count > 0 ? ranked[0] : null;
        var fallback = all.FirstOrDefault(t => t.IsFallback);
        var declaredTemplate = declared is null ? null : all.FirstOrDefault(t => t.Id == declared);
        if (declaredTemplate is not null && !declaredTemplate.IsFallback)
        {
            var declaredScore = ranked.FirstOrDefault(s => s.Template == declaredTemplate)?.Value ?? 0;
            if (best is not null && best.Template != declaredTemplate && best.Value >= MinClassificationScore && best.Value - declaredScore >= MismatchMargin)
            {
                return (best.Template, best.Value, [new Finding(FindingCodes.DocumentTypeMismatch, FindingSeverity.Review, null, RecognitionText.Finding(FindingCodes.DocumentTypeMismatch, declaredTemplate.Name, best.Template.Name))]);
            }

            return (declaredScore >= MinClassificationScore ? declaredTemplate : fallback, declaredScore, []);
        }

        return best is not null && best.Value >= MinClassificationScore ? (best.Template, best.Value, []) : (fallback, best?.Value ?? 0, []);
    }

    /// <summary>
    /// The MRZ lines as fields. Lines 1–2 are trusted when every check digit holds; line 3 has no
    /// check digit, so it is trusted only when another source confirms the name, and doubted when a
    /// K follows a filler (the one misreading the repair cannot undo).
    /// </summary>
    private static IEnumerable<ExtractedField> MrzLines(Td1Mrz mrz, IReadOnlyList<ExtractedField> fields)
    {
        var checks = mrz.FieldChecksValid && mrz.CompositeValid ? 0.95 : 0.5;
        yield return new ExtractedField("mrzLine1", mrz.Line1, checks, "mrz", mrz.Line1);
        yield return new ExtractedField("mrzLine2", mrz.Line2, checks, "mrz", mrz.Line2);
        var name = fields.FirstOrDefault(f => f.Key == "fullName" && f.Source.Contains("qr", StringComparison.Ordinal));
        var confirmed = name is not null && Text.VietnameseText.Fold(name.Value) == Text.VietnameseText.Fold(mrz.FullName);
        var syllables = mrz.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(Text.VietnameseSyllable.IsValid);
        var nameConfidence = confirmed ? 0.95 : !syllables || mrz.Line3.Contains("<K", StringComparison.Ordinal) || name is not null ? 0.5 : 0.85;
        yield return new ExtractedField("mrzLine3", mrz.Line3, nameConfidence, "mrz", mrz.Line3);
    }

    private static IEnumerable<Finding> MrzFindings(Td1Mrz? mrz, DocumentTemplate template)
    {
        if (mrz is null)
        {
            yield return new Finding(FindingCodes.MrzNotFound, FindingSeverity.Review, null, RecognitionText.Finding(FindingCodes.MrzNotFound));
            yield break;
        }

        foreach (var (valid, key) in new[] { (mrz.DocumentNumberValid, "idNumber"), (mrz.BirthDateValid, "dateOfBirth"), (mrz.ExpiryDateValid, "expiryDate") })
        {
            if (!valid)
            {
                var label = template.Fields.FirstOrDefault(f => f.Key == key)?.Label ?? new LocalizedText(key, key);
                yield return new Finding(FindingCodes.MrzCheckFailed, FindingSeverity.Review, key, RecognitionText.Finding(FindingCodes.MrzCheckFailed, label));
            }
        }
    }

    private static RecognitionResult Result(RecognitionStatus status, string? type, RecognitionRequest request, double score, IReadOnlyList<ExtractedField> fields, List<Finding> findings, IReadOnlyList<Quality.QualityReport> quality, string text, double prepareMs, double ocrMs, double codesMs, long started) => new()
    {
        Status = status,
        DocumentType = type,
        DeclaredType = request.DeclaredType,
        ClassificationScore = score,
        Fields = fields,
        Findings = findings,
        PageQuality = quality,
        Text = text,
        Timings = new RecognitionTimings { PrepareMs = prepareMs, OcrMs = ocrMs, CodesMs = codesMs, TotalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds },
    };
}
