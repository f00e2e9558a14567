namespace SmartKiosk.Activities.Storage;

/// <summary>Blob store settings, bound from <c>Blobs</c>.</summary>
public sealed class BlobStoreOptions
{
    public const string SectionName = "Blobs";

    /// <summary>The folder of the local store; defaults to <c>blobs</c> in the data folder.</summary>
    public string? Path { get; set; }

    /// <summary>Id of the key new blobs are encrypted with.</summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// AES-256 keys by id, base64 (from secrets, never from the repository). Older keys stay here to
    /// read what they encrypted. Empty: a development key is generated in the data folder on first run.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>A scan or a signed copy is a few MB; anything far larger is refused before it is buffered.</summary>
    public long MaxBlobBytes { get; set; } = 64L * 1024 * 1024;
}
