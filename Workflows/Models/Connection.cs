namespace SmartKiosk.Workflows.Models;

/// <summary>A directed edge from an activity's outcome port to another activity's input port.</summary>
public sealed class Connection
{
    public Endpoint Source { get; set; } = new();
    public Endpoint Target { get; set; } = new();

    public override string ToString() => $"{Source.Activity}:{Source.Port} -> {Target.Activity}:{Target.Port}";
}

/// <summary>An activity id and a port name on it.</summary>
public sealed class Endpoint
{
    public string Activity { get; set; } = "";
    public string Port { get; set; } = "";
}
