namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>A field's printed label found in a line: folded start and end, and how many edits the match took.</summary>
public sealed record AnchorHit(string FieldKey, FoldedLine Line, int Start, int End, int Distance);
