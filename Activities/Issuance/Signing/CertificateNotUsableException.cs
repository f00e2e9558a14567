namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>A signing certificate failed the checks made before signing (validity, usage, chain).</summary>
public sealed class CertificateNotUsableException(string message) : Exception(message);
