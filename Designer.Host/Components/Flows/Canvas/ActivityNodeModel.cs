using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using SmartKiosk.Designer.Host.Flows;

namespace SmartKiosk.Designer.Host.Components.Flows.Canvas;

/// <summary>
/// An activity as the diagram library sees it: its id is the activity's id, an input port on the left (none on Start)
/// and one named outcome port per outcome on the right. What it shows is copied from the <c>FlowEditor</c>'s definition.
/// </summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(string activityId, Point position, bool isStart)
        : base(activityId, position)
    {
        if (!isStart)
        {
            InPort = (InputPortModel)AddPort(new InputPortModel(this));
        }
    }

    public InputPortModel? InPort { get; }

    public IEnumerable<OutcomePortModel> Outcomes => Ports.OfType<OutcomePortModel>();

    public string TypeName { get; set; } = "";

    public string Category { get; set; } = "";

    /// <summary>How many problems the last validation found on this activity (0: none).</summary>
    public int ProblemCount { get; set; }

    public string? ProblemText { get; set; }

    /// <summary>Drawn on the instance viewer: this activity ran (or is waiting / failed there).</summary>
    public ActivityRunState RunState { get; set; }
}
