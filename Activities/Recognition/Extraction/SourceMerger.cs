using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// Joins what the printed text, the QR code and the MRZ say about the same field. Agreement raises
/// confidence (two independent reads rarely make the same mistake); disagreement is a finding and
/// the machine-readable value (error-corrected QR, check-digit-verified MRZ) is kept for review.
/// </summary>
public static class SourceMerger
{
    private const double MachineReadableConfidence = 0.99;

    public static (List<ExtractedField> Fields, List<Finding> Findings) Merge(
        DocumentTemplate template, IReadOnlyList<ExtractedField> printed, IReadOnlyList<MachineReading> readings)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(printed);
        ArgumentNullException.ThrowIfNull(readings);
        var findings = new List<Finding>();
        var machine = readings
            .Where(r => !string.IsNullOrEmpty(r.Value))
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.Source, Value: r.Value!, r.AccentFree)).ToList());

        var fields = new List<ExtractedField>();
        // Printed fields come from the template's rules, and machine readings only count for its fields.
        foreach (var key in template.Fields.Select(f => f.Key).Distinct())
        {
            var ocr = printed.FirstOrDefault(p => p.Key == key);
            var others = machine.GetValueOrDefault(key) ?? [];
            var exact = others.Where(o => !o.AccentFree).ToList();
            if (exact.Count == 0)
            {
                if (ocr is not null)
                {
                    // An accent-free source (MRZ name) can confirm or contradict letters, not tone marks.
                    var folded = others.FirstOrDefault(o => o.AccentFree);
                    if (folded.Value is not null && VietnameseText.Fold(folded.Value) != VietnameseText.Fold(ocr.Value))
                    {
                        findings.Add(Disagree(template, key, ["ocr", folded.Source]));
                        fields.Add(ocr with { Confidence = Math.Min(ocr.Confidence, 0.5) });
                    }
                    else
                    {
                        fields.Add(ocr);
                    }
                }

                continue;
            }

            var reference = exact[0];
            var disagreeing = exact.Where(o => o.Value != reference.Value).Select(o => o.Source).ToList();
            if (disagreeing.Count > 0)
            {
                findings.Add(Disagree(template, key, [reference.Source, .. disagreeing]));
            }

            if (ocr is not null && ocr.Value != reference.Value)
            {
                findings.Add(Disagree(template, key, ["ocr", reference.Source]));
                fields.Add(new ExtractedField(key, reference.Value, 0.5, reference.Source, ocr.Raw, ocr.Box, ocr.DoubtfulCharacters));
                continue;
            }

            var sources = string.Join('+', new[] { ocr is null ? null : "ocr" }.Concat(exact.Select(e => e.Source)).OfType<string>());
            var confidence = disagreeing.Count > 0 ? 0.5 : MachineReadableConfidence;
            fields.Add(new ExtractedField(key, reference.Value, confidence, sources, ocr?.Raw ?? reference.Value, ocr?.Box, ocr?.DoubtfulCharacters));
        }

        return (fields, findings);
    }

    private static Finding Disagree(DocumentTemplate template, string key, IReadOnlyList<string> sources)
    {
        var label = template.Fields.FirstOrDefault(f => f.Key == key)?.Label ?? new LocalizedText(key, key);
        var names = sources.Distinct().Select(s => RecognitionText.Get("Source." + s)).ToList();
        var joined = new LocalizedText(
            string.Join(RecognitionText.Get("Source.and").Vi, names.Select(n => n.Vi)),
            string.Join(RecognitionText.Get("Source.and").En, names.Select(n => n.En)));
        return new Finding(FindingCodes.SourcesDisagree, FindingSeverity.Review, key, RecognitionText.Finding(FindingCodes.SourcesDisagree, label, joined));
    }
}
