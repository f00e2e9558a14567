using System.Globalization;

namespace SmartKiosk.Activities.Payments;

/// <summary>
/// The sandbox provider of the embedded default and the tests: no bank is called. Its QR payload names
/// the sandbox wallet endpoint; "paying" is a call to that endpoint (what a real provider's webhook
/// does), so the whole path — order, QR, settlement, the workflow woken — is the real one.
/// </summary>
public sealed class SandboxPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public Task<string> CreateOrderAsync(string reference, long amountDong, string description, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"SANDBOX|{reference}|{amountDong}|VND|{description}"));
}
