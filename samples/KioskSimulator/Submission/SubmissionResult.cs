using System.Text.Json.Serialization;

namespace SmartKiosk.Samples.KioskSimulator.Submission;

/// <summary>The one JSON object <c>submit --json</c> prints.</summary>
public sealed record SubmissionResult
{
    [JsonPropertyName("dossierId")] public Guid DossierId { get; init; }
    [JsonPropertyName("receiptCode")] public string? ReceiptCode { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("stage")] public string? Stage { get; init; }
    [JsonPropertyName("verificationCode")] public string? VerificationCode { get; init; }
    [JsonPropertyName("verificationUrl")] public string? VerificationUrl { get; init; }
    [JsonPropertyName("downloadUrl")] public string? DownloadUrl { get; init; }
    [JsonPropertyName("fee")] public long? FeeDong { get; init; }
    [JsonPropertyName("fields")] public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
    [JsonPropertyName("findings")] public IReadOnlyList<FindingLine> Findings { get; init; } = [];
    [JsonPropertyName("reasons")] public IReadOnlyList<FindingLine> Reasons { get; init; } = [];
    [JsonPropertyName("qualityIssues")] public IReadOnlyList<string> QualityIssues { get; init; } = [];

    /// <summary>Milliseconds per step as the kiosk saw them (request to answer), and the total.</summary>
    [JsonPropertyName("timings")] public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();
}

public sealed record FindingLine(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("message")] string? Message);
