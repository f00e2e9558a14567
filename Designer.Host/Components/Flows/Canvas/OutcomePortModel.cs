using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace SmartKiosk.Designer.Host.Components.Flows.Canvas;

/// <summary>
/// One named outcome of an activity ("Match", "NoMatch"…). A connection drawn from it may end on another activity's input
/// port or on the activity itself (a bigger target than the port); the editor checks the rest (duplicates).
/// </summary>
public sealed class OutcomePortModel(ActivityNodeModel parent, string outcome) : PortModel($"{parent.Id}/out/{outcome}", parent, PortAlignment.Right)
{
    public string Outcome { get; } = outcome;

    public override bool CanAttachTo(ILinkable other) => other switch
    {
        InputPortModel port => port.Parent != Parent,
        ActivityNodeModel node => node != Parent && node.InPort is not null,
        _ => false,
    };
}
