namespace SmartKiosk.KioskGateway.Verification;

/// <summary>Limits of the public verification endpoints (configuration section <c>PublicVerification</c>).</summary>
public sealed class PublicVerificationOptions
{
    public const string SectionName = "PublicVerification";

    /// <summary>Requests per client address and minute.</summary>
    public int PermitPerMinute { get; set; } = 60;

    /// <summary>Client addresses the limit does not apply to (a load-testing client, a trusted proxy's health probe).</summary>
    public List<string> ExemptAddresses { get; set; } = [];

    /// <summary>Largest PDF accepted for verification.</summary>
    public long MaxPdfBytes { get; set; } = 30 * 1024 * 1024;
}
