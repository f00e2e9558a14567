using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>
/// SIMULATION of a failing blob store (a full disk, a lost network share): the tests run as root, so making
/// the real folder unwritable is not possible here. Wraps the real encrypted store; while
/// <see cref="FailWrites"/> is on, every write throws the <see cref="IOException"/> a full disk would.
/// </summary>
public sealed class FaultInjectingBlobStore(IBlobStore inner) : IBlobStore
{
    public bool FailWrites { get; set; }

    public int RefusedWrites { get; private set; }

    public Task<BlobRef> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        if (FailWrites)
        {
            RefusedWrites++;
            throw new IOException("No space left on device (simulated).");
        }
        return inner.PutAsync(content, cancellationToken);
    }

    public Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken) => inner.ReadAsync(sha256, cancellationToken);

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => inner.ExistsAsync(sha256, cancellationToken);

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken) => inner.DeleteAsync(sha256, cancellationToken);
}
