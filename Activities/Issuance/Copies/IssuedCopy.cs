namespace SmartKiosk.Activities.Issuance.Copies;

/// <summary>An issued copy: where it is (its SHA-256 is its blob address) and how it is cited.</summary>
public sealed record IssuedCopy(Guid CopyId, string VerificationCode, string VerificationUrl, string NumberLabel, string BookLabel, DateOnly CertificationDate, string Sha256, long Length);
