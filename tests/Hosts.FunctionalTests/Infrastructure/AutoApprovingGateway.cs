namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>CCCD dossiers auto-approved when clear; liveness advisory, as still test frames cannot pass it.</summary>
public sealed class AutoApprovingGateway : KioskGatewayOnLoopback
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["DocumentTypes:Types:cccd:AutoApprove"] = "true";
        settings["DocumentTypes:Types:cccd:LivenessRequired"] = "false";
    }
}
