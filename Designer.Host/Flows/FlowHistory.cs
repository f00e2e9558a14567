namespace SmartKiosk.Designer.Host.Flows;

/// <summary>
/// Undo and redo as snapshots of the definition's JSON: every edit is one step, whatever it touched (a node and its
/// connections, several moved nodes, a layout), and a snapshot of a few hundred nodes is a few tens of kilobytes.
/// </summary>
public sealed class FlowHistory(int capacity = 200)
{
    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;

    public int UndoCount => _undo.Count;

    /// <summary>Remembers the state before an edit; a new edit forgets what could be redone.</summary>
    public void Record(string before)
    {
        _undo.AddLast(before);
        if (_undo.Count > capacity)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
    }

    public string? Undo(string current)
    {
        if (_undo.Last is not { } last)
        {
            return null;
        }

        _undo.RemoveLast();
        _redo.Push(current);
        return last.Value;
    }

    public string? Redo(string current)
    {
        if (!_redo.TryPop(out var next))
        {
            return null;
        }

        _undo.AddLast(current);
        if (_undo.Count > capacity)
        {
            _undo.RemoveFirst();
        }

        return next;
    }
}
