namespace SmartKiosk.Designer.Host.Flows;

/// <summary>A connection as the editor names it: from an activity's outcome port to another activity.</summary>
public readonly record struct FlowConnection(string Source, string Port, string Target)
{
    /// <summary>A stable id for the canvas (and for tests' selectors).</summary>
    public string Id => $"{Source}/{Port}->{Target}";
}
