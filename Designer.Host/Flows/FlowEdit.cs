namespace SmartKiosk.Designer.Host.Flows;

/// <summary>What an edit did, so the canvas redraws only that (or everything after an undo, a redo or a layout).</summary>
public sealed record FlowEdit(FlowEditKind Kind, IReadOnlyList<string> ActivityIds);

public enum FlowEditKind
{
    Added,
    Moved,
    Removed,
    Connected,
    Changed,
    Details,
    Replaced,
}
