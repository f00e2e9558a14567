using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>A flat rendering before capture effects, with the ground truth printed on it.</summary>
/// <param name="IsCard">ID-1 sized card (85.6×54 mm) rather than an A4 page; drives photo framing.</param>
public sealed record RenderedPage(SKBitmap Bitmap, string DocumentType, IReadOnlyDictionary<string, string> Fields, bool IsCard);
