namespace SmartKiosk.Activities.Storage;

/// <summary>A blob could not be stored or read: too large, missing, or altered at rest.</summary>
public sealed class BlobStoreException : Exception
{
    public BlobStoreException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    public BlobStoreException()
        : this("blob-error", "The blob store failed.")
    {
    }

    public BlobStoreException(string message)
        : this("blob-error", message)
    {
    }

    public BlobStoreException(string message, Exception inner)
        : this("blob-error", message, inner)
    {
    }

    /// <summary>too-large, not-found, tampered, unknown-key, bad-address.</summary>
    public string Code { get; }
}
