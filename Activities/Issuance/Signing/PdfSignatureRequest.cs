namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>What the signature dictionary says about one signature (shown by PDF readers).</summary>
/// <param name="Field">The signature field to fill (it must exist and be unsigned).</param>
/// <param name="SignerName">The signer's name (/Name).</param>
/// <param name="Reason">Why it was signed (/Reason).</param>
/// <param name="Location">Where (/Location).</param>
/// <param name="SigningTime">The claimed signing time (/M); the time stamp is the trusted one.</param>
public sealed record PdfSignatureRequest(string Field, string SignerName, string Reason, string Location, DateTimeOffset SigningTime);
