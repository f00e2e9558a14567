namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>One synthetic image together with the ground truth that was printed on it.</summary>
/// <param name="Id">Stable id, e.g. <c>s42-0007-cccd-2021-front</c>.</param>
/// <param name="Kind">The requested kind (kept even when <see cref="GenerationOptions.HouseholdBook"/> replaced the page).</param>
/// <param name="DocumentType">Template id, e.g. <c>cccd-2021-front</c> or <c>household-book</c>.</param>
/// <param name="Capture">Scan or photo.</param>
/// <param name="Effects">What the capture stage applied.</param>
/// <param name="Image">Encoded image bytes.</param>
/// <param name="MediaType"><c>image/png</c> for scans, <c>image/jpeg</c> for photos.</param>
/// <param name="Fields">Ground truth, normalised exactly as printed (dates dd/MM/yyyy).</param>
/// <param name="RedFlags">Injected red flags: secret-stamp, no-copy-mark, household-book, expired.</param>
public sealed record GeneratedDocument(
    string Id,
    DocumentKind Kind,
    string DocumentType,
    CaptureKind Capture,
    CaptureEffects Effects,
    byte[] Image,
    string MediaType,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> RedFlags)
{
    /// <summary>File extension matching <see cref="MediaType"/>, with the dot.</summary>
    public string FileExtension => MediaType == MediaTypes.Jpeg ? ".jpg" : ".png";
}
