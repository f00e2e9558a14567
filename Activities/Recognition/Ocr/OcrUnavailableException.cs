namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>The OCR engine or a language model is missing: an installation problem, not bad input.</summary>
public sealed class OcrUnavailableException(string message) : Exception(message);
