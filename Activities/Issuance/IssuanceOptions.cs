namespace SmartKiosk.Activities.Issuance;

/// <summary>Issuance settings (configuration section <c>Issuance</c>).</summary>
public sealed class IssuanceOptions
{
    public const string SectionName = "Issuance";

    /// <summary>The public site the QR code sends to: <c>{PublicBaseUrl}/v/{code}</c> (the KioskGateway).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5090";

    /// <summary>The certification statement (Liquid); empty: the embedded default.</summary>
    public string? StatementTemplate { get; set; }

    public string VerificationUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/v/{code}";
}
