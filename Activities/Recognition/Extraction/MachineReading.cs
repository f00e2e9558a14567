namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// A value read from a machine-readable code (QR, MRZ) rather than printed text; accent-free
/// readings (the MRZ's names) can confirm letters but not tone marks.
/// </summary>
public sealed record MachineReading(string Source, string Key, string? Value, bool AccentFree = false);
