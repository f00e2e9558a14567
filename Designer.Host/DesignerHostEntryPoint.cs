namespace SmartKiosk.Designer.Host;

/// <summary>A public type of this assembly for WebApplicationFactory (both hosts have an internal Program).</summary>
public sealed class DesignerHostEntryPoint;
