using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Review;

/// <summary>
/// A ground on which an officer refuses to certify, with the words the citizen reads.
/// <paramref name="NeedsNote"/>: the officer must say more in their own words (e.g. "other").
/// </summary>
public sealed record RejectionGround(string Code, LocalizedText Text, bool NeedsNote = false);
