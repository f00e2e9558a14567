using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>The captured bitmap (owned by the caller) and a record of what was done to it.</summary>
public sealed record CaptureResult(SKBitmap Bitmap, CaptureEffects Effects);
