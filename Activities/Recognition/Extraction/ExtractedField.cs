using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Ocr;

namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// One field's value as read: normalised value, confidence (0–1), which source it came from (ocr,
/// qr, mrz, or several that agreed), the raw text and where it was on the page, and the characters
/// the engine doubted (indexes into the raw text) for the reviewer's highlight, and the template's
/// label for it (none for technical fields such as MRZ lines, which people are not shown).
/// </summary>
public sealed record ExtractedField(string Key, string Value, double Confidence, string Source, string Raw, PixelBox? Box = null, IReadOnlyList<int>? DoubtfulCharacters = null, LocalizedText? Label = null);
