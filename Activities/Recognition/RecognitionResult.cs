using SmartKiosk.Activities.Recognition.Extraction;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Quality;

namespace SmartKiosk.Activities.Recognition;

/// <summary>
/// What the recogniser concluded about a scan: the document type (and what the citizen declared),
/// the fields with confidences and sources, the findings a clerk must see, each page's quality,
/// the OCR text, and how long each stage took.
/// </summary>
public sealed record RecognitionResult
{
    public required RecognitionStatus Status { get; init; }
    public string? DocumentType { get; init; }
    public string? DeclaredType { get; init; }

    /// <summary>What the text alone says the document is (keywords and shape), whatever was declared.</summary>
    public string? ClassifiedType { get; init; }
    public double ClassificationScore { get; init; }
    public IReadOnlyList<ExtractedField> Fields { get; init; } = [];
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public IReadOnlyList<QualityReport> PageQuality { get; init; } = [];
    public string Text { get; init; } = "";
    public RecognitionTimings Timings { get; init; } = new();

    public ExtractedField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);
}

/// <summary>Recognised (a known type, fields read), Unrecognised (fallback, text only), NeedsRescan (the capture cannot be read).</summary>
public enum RecognitionStatus
{
    Recognised,
    Unrecognised,
    NeedsRescan,
}

/// <summary>Where the time went, in milliseconds.</summary>
public sealed record RecognitionTimings
{
    public double PrepareMs { get; init; }
    public double OcrMs { get; init; }
    public double CodesMs { get; init; }
    public double TotalMs { get; init; }
}
