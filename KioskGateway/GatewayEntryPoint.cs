namespace SmartKiosk.KioskGateway;

/// <summary>A public type of this assembly for WebApplicationFactory (both hosts have an internal Program).</summary>
public sealed class GatewayEntryPoint;
