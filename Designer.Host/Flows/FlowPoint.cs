namespace SmartKiosk.Designer.Host.Flows;

/// <summary>A node's top-left corner on the canvas, in canvas units (stored as <c>metadata.designer.position</c>).</summary>
public readonly record struct FlowPoint(double X, double Y);
