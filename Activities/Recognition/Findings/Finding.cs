namespace SmartKiosk.Activities.Recognition.Findings;

/// <summary>
/// Something a clerk should know about a dossier, with a stable code (for routing and statistics),
/// the field concerned, a message in Vietnamese and English, and the confidence behind it.
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string? Field, LocalizedText Message, double? Confidence = null);

/// <summary>How much a finding weighs: information, a reason for review, or a reason the original cannot be certified.</summary>
public enum FindingSeverity
{
    Info,
    Review,
    Invalid,
}
