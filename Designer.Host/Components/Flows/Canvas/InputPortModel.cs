using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace SmartKiosk.Designer.Host.Components.Flows.Canvas;

/// <summary>An activity's single input: connections end here; none start here.</summary>
public sealed class InputPortModel(ActivityNodeModel parent) : PortModel($"{parent.Id}/in", parent, PortAlignment.Left)
{
    public override bool CanAttachTo(ILinkable other) => false;
}
