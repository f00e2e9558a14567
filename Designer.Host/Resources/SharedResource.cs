namespace SmartKiosk.Designer.Host.Resources;

/// <summary>Marker for the back office's shared strings (SharedResource.vi.resx, SharedResource.en.resx).</summary>
public sealed class SharedResource;
