using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;

namespace SmartKiosk.Activities.Storage;

/// <summary>
/// The AES-256 keys of the blob store. Production keys come from configuration (secrets); with none
/// configured, a development key is generated once into <c>keys/blob-dev.key</c> in the data folder
/// (owner-readable only) and used from then on, so a fresh machine works and nothing secret is committed.
/// </summary>
public sealed class BlobKeyRing
{
    public const string DevelopmentKeyId = "dev-1";

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string KeyId, string Purpose), byte[]> _derived = new();

    public BlobKeyRing(IOptions<BlobStoreOptions> options, IOptions<DataFolderOptions> data, ILogger<BlobKeyRing> logger)
    {
        foreach (var (id, base64) in options.Value.Keys)
        {
            var key = Convert.FromBase64String(base64);
            _keys[Check(id, key)] = key;
        }

        if (_keys.Count == 0)
        {
            _keys[DevelopmentKeyId] = LoadOrCreateDevelopmentKey(data.Value.Path, logger);
            CurrentKeyId = DevelopmentKeyId;
        }
        else
        {
            CurrentKeyId = options.Value.KeyId ?? throw new InvalidOperationException("Blobs:KeyId must name the key new blobs are encrypted with.");
            if (!_keys.ContainsKey(CurrentKeyId))
            {
                throw new InvalidOperationException($"Blobs:KeyId '{CurrentKeyId}' is not among Blobs:Keys.");
            }
        }
    }

    public string CurrentKeyId { get; }

    public byte[] Current => _keys[CurrentKeyId];

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>
    /// A 32-byte key for one purpose (kiosk secrets, download links, citizen tokens…) derived from data key
    /// <paramref name="keyId"/> with HKDF-SHA256, so no purpose ever uses the data key itself; null when the
    /// key is not configured. Derived once per key and purpose: some purposes are on every request's path.
    /// </summary>
    public byte[]? Derive(string keyId, string purpose) =>
        _keys.TryGetValue(keyId, out var key)
            ? _derived.GetOrAdd((keyId, purpose), _ => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: Encoding.ASCII.GetBytes(purpose)))
            : null;

    /// <summary>The key for <paramref name="purpose"/> derived from the current data key.</summary>
    public byte[] DeriveCurrent(string purpose) => Derive(CurrentKeyId, purpose)!;

    private static string Check(string id, byte[] key)
    {
        if (key.Length != 32 || id.Length is 0 or > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new InvalidOperationException($"Blob key '{id}' must be 32 bytes (base64) with an id of 1–32 letters, digits, '-' or '_'.");
        }

        return Encoding.ASCII.GetString(Encoding.ASCII.GetBytes(id));
    }

    private static byte[] LoadOrCreateDevelopmentKey(string dataPath, ILogger logger)
    {
        var folder = Path.Combine(dataPath, "keys");
        var file = Path.Combine(folder, "blob-dev.key");
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        Directory.CreateDirectory(folder);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = file + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            // The other host generated it first: use theirs.
            File.Delete(temp);
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        logger.LogWarning("Generated a DEVELOPMENT blob encryption key at {KeyFile}; configure Blobs:Keys for production", file);
        return key;
    }
}
