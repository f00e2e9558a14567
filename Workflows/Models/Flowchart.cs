namespace SmartKiosk.Workflows.Models;

/// <summary>The root of every definition: activities joined by connections between named ports.</summary>
public sealed class Flowchart
{
    public string Type { get; set; } = FlowchartType;
    public List<ActivityNode> Activities { get; set; } = [];
    public List<Connection> Connections { get; set; } = [];

    public const string FlowchartType = "Flowchart";
}
