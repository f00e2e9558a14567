using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Hosting.Health;

/// <summary>
/// Healthy when the blob store writes, reads back and decrypts a small probe: the folder (or store) is there,
/// writable, and the key ring opens what it wrote. The probe's address is fixed (content-addressed), so
/// repeated checks store it once.
/// </summary>
public sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    private static readonly byte[] Probe = Encoding.UTF8.GetBytes("smartkiosk health probe: not personal data");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var content = new MemoryStream(Probe, writable: false);
            var stored = await blobs.PutAsync(content, cancellationToken);
            var read = await blobs.ReadAsync(stored.Sha256, cancellationToken);
            return read.AsSpan().SequenceEqual(Probe)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The blob store returned other content than it stored.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The blob store cannot store and read back a blob.", ex);
        }
    }
}
