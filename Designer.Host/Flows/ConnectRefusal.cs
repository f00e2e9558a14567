namespace SmartKiosk.Designer.Host.Flows;

/// <summary>Why the designer refuses a connection drawn on the canvas (shown to the administrator, localised by name).</summary>
public enum ConnectRefusal
{
    None,
    UnknownActivity,
    UnknownPort,
    SameActivity,
    IntoStart,
    Duplicate,
}
