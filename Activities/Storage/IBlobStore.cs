namespace SmartKiosk.Activities.Storage;

/// <summary>
/// Where scans, face captures and issued PDFs live. Content-addressed: a blob's address is the
/// SHA-256 of its content, so the same page stored twice is stored once and an address proves what it
/// holds. Implementations encrypt personal data at rest; another store (object storage, an HSM-backed
/// one) implements this interface.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the content (at most <see cref="BlobStoreOptions.MaxBlobBytes"/>) and returns its address.</summary>
    Task<BlobRef> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The content at an address, decrypted and checked against the address.</summary>
    Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Deletes a blob (the retention job); false when there was none.</summary>
    Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken);
}

/// <summary>A stored blob: its address (lower-case hex SHA-256 of the content) and length in bytes.</summary>
public sealed record BlobRef(string Sha256, long Length);
