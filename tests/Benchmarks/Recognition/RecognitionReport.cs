using System.Globalization;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Benchmarks.Recognition;

/// <summary>The scores: per field and capture, classification, flags, latency, OCR against the CLI.</summary>
public sealed class RecognitionReport
{
    private readonly List<(string Type, string Field, CaptureKind Capture, bool Right, bool Flagged)> _fields = [];
    private readonly List<(string Type, CaptureKind Capture, bool Classified, bool NoFlag, double Ms)> _documents = [];

    public List<double> CardPairMs { get; } = [];
    public double InProcessOcrMs { get; set; }
    public double CliOcrMs { get; set; }
    public int CliImages { get; set; }

    public void Add(GeneratedDocument document, RecognitionResult result, double ms, DocumentTemplate? template, bool verbose)
    {
        var classified = result.ClassifiedType == document.DocumentType;
        var docFlagged = result.Findings.Any(f => f.Field is null && RecognitionBench.IsFlag(f));
        _documents.Add((document.DocumentType, document.Capture, classified, !result.Findings.Any(RecognitionBench.IsFlag), ms));
        if (verbose && !classified)
        {
            Console.WriteLine($"  {document.Id}: classified as {result.ClassifiedType ?? "-"} ({result.ClassificationScore:F2}) status {result.Status}; {string.Join("; ", result.Findings.Select(f => f.Code))}; quality {string.Join(", ", result.PageQuality.Select(q => $"sharpness {q.Sharpness:F0} glare {q.GlareShare:F3} brightness {q.Brightness:F0} side {q.DocumentLongSide} [{string.Join(' ', q.Issues.Select(i => i.Code))}]"))}");
        }

        if (verbose)
        {
            Console.WriteLine($"  {document.Id} timing: total {ms:F0} prepare {result.Timings.PrepareMs:F0} ocr {result.Timings.OcrMs:F0} codes {result.Timings.CodesMs:F0} pipeline {result.Timings.TotalMs:F0}");
        }

        if (verbose && document.Capture == CaptureKind.Scan && result.Findings.Any(RecognitionBench.IsFlag))
        {
            Console.WriteLine($"  {document.Id} flags: {string.Join("; ", result.Findings.Where(RecognitionBench.IsFlag).Select(f => $"{f.Code}:{f.Field}:{f.Confidence:F2}"))}");
        }

        if (template is null)
        {
            return;
        }

        var keys = template.Fields.Select(f => f.Key).Concat(template.Codes.Contains("td1-mrz") ? ["mrzLine1", "mrzLine2", "mrzLine3"] : []);
        foreach (var key in keys.Where(document.Fields.ContainsKey))
        {
            var field = result.Field(key);
            var right = field?.Value == document.Fields[key];
            var flagged = field is null || docFlagged || field.Confidence < template.MinFieldConfidence
                || result.Findings.Any(f => f.Field == key && RecognitionBench.IsFlag(f));
            _fields.Add((document.DocumentType, key, document.Capture, right, flagged));
            if (verbose)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  FIELD {document.Capture} {document.DocumentType} {key} {(right ? 1 : 0)} {field?.Confidence ?? -1:F3} {field?.Source ?? "-"} {(result.Findings.Any(f => f.Field == key && RecognitionBench.IsFlag(f) && f.Code != "field-low-confidence") ? 1 : 0)}"));
            }
            if (verbose && !right)
            {
                Console.WriteLine($"  {document.Id} {key}: '{field?.Value}' ({field?.Confidence:F2}, {field?.Source}) expected '{document.Fields[key]}'{(flagged ? " [flagged]" : " [UNFLAGGED]")}");
            }
        }
    }

    public void Print(TextWriter output, RecognitionBenchSettings settings)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"# Recognition benchmark: seed {settings.Seed}, {_documents.Count} documents, {CardPairMs.Count} ID-card pairs, {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine("| Capture | Documents | Classified | Fields | Exact | Wrong & unflagged | Docs with no flag |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var capture in new CaptureKind?[] { CaptureKind.Scan, CaptureKind.Photo, null })
        {
            var docs = _documents.Where(d => capture is null || d.Capture == capture).ToList();
            var fields = _fields.Where(f => capture is null || f.Capture == capture).ToList();
            if (docs.Count == 0)
            {
                continue;
            }

            output.WriteLine(string.Create(inv,
                $"| {(capture?.ToString() ?? "All")} | {docs.Count} | {Share(docs.Count(d => d.Classified), docs.Count)} | {fields.Count} | {Share(fields.Count(f => f.Right), fields.Count)} | {Share(fields.Count(f => !f.Right && !f.Flagged), fields.Count)} | {Share(docs.Count(d => d.NoFlag), docs.Count)} |"));
        }

        output.WriteLine();
        output.WriteLine("| Document type | Field | Scan exact | Photo exact | Wrong & unflagged |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var group in _fields.GroupBy(f => (f.Type, f.Field)).OrderBy(g => g.Key.Type, StringComparer.Ordinal))
        {
            var scan = group.Where(f => f.Capture == CaptureKind.Scan).ToList();
            var photo = group.Where(f => f.Capture == CaptureKind.Photo).ToList();
            output.WriteLine(string.Create(inv, $"| {group.Key.Type} | {group.Key.Field} | {Share(scan.Count(f => f.Right), scan.Count)} | {Share(photo.Count(f => f.Right), photo.Count)} | {group.Count(f => !f.Right && !f.Flagged)} |"));
        }

        output.WriteLine();
        output.WriteLine("| Latency (ms) | p50 | p95 |");
        output.WriteLine("|---|---:|---:|");
        static bool IsCard(string type) => type.StartsWith("cccd", StringComparison.Ordinal) || type.StartsWith("can-cuoc", StringComparison.Ordinal);
        foreach (var (name, values) in new[] { ("Per document, card", _documents.Where(d => IsCard(d.Type)).Select(d => d.Ms).ToList()), ("Per document, A4", _documents.Where(d => !IsCard(d.Type)).Select(d => d.Ms).ToList()), ("ID card, both sides", CardPairMs) })
        {
            output.WriteLine(string.Create(inv, $"| {name} | {Percentile(values, 0.50):F0} | {Percentile(values, 0.95):F0} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(inv, $"OCR of {CliImages} prepared images: in-process (pooled engine) {InProcessOcrMs:F0} ms, tesseract CLI {CliOcrMs:F0} ms, ratio {InProcessOcrMs / Math.Max(1, CliOcrMs):F2}×"));
    }

    private static string Share(int part, int whole) => whole == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1}%");

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
