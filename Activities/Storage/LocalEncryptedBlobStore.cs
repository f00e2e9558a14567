using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Activities.Storage;

/// <summary>
/// The embedded default: one file per blob under <c>blobs/ab/cd/&lt;sha256&gt;</c>, encrypted with
/// AES-256-GCM. The address is bound into the ciphertext as associated data, so a file copied over
/// another address does not decrypt; the plaintext is hashed again on read. Files are written to a
/// temporary name and renamed, so a crash never leaves a half-written blob under an address.
/// File layout: "SKB1", key-id length and key id, 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed class LocalEncryptedBlobStore(BlobKeyRing keys, IOptions<BlobStoreOptions> options, IOptions<DataFolderOptions> data) : IBlobStore
{
    private static readonly byte[] Magic = "SKB1"u8.ToArray();
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _root = options.Value.Path ?? Path.Combine(data.Value.Path, "blobs");
    private readonly long _maxBytes = options.Value.MaxBlobBytes;

    public async Task<BlobRef> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plaintext = await BoundedStream.ReadAtMostAsync(content, _maxBytes, cancellationToken)
            ?? throw new BlobStoreException("too-large", $"The content is larger than {_maxBytes / (1024 * 1024)} MB.");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(plaintext));
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return new BlobRef(sha256, plaintext.Length);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, Encrypt(plaintext, sha256), cancellationToken);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // The same content was stored concurrently: one copy is enough.
            File.Delete(temp);
        }

        return new BlobRef(sha256, plaintext.Length);
    }

    public async Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(CheckAddress(sha256));
        byte[] file;
        try
        {
            file = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            throw new BlobStoreException("not-found", $"Blob {sha256} does not exist.", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new BlobStoreException("not-found", $"Blob {sha256} does not exist.", ex);
        }

        var plaintext = Decrypt(file, sha256);
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(plaintext), Convert.FromHexString(sha256)))
        {
            throw new BlobStoreException("tampered", $"Blob {sha256} does not hold the content its address names.");
        }

        return plaintext;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(CheckAddress(sha256))));

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(CheckAddress(sha256));
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    private byte[] Encrypt(byte[] plaintext, string sha256)
    {
        var keyId = Encoding.ASCII.GetBytes(keys.CurrentKeyId);
        var header = Magic.Length + 1 + keyId.Length;
        var file = new byte[header + NonceSize + TagSize + plaintext.Length];
        Magic.CopyTo(file, 0);
        file[Magic.Length] = (byte)keyId.Length;
        keyId.CopyTo(file, Magic.Length + 1);
        var nonce = file.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Current, TagSize);
        aes.Encrypt(nonce, plaintext, file.AsSpan(header + NonceSize + TagSize), file.AsSpan(header + NonceSize, TagSize), Encoding.ASCII.GetBytes(sha256));
        return file;
    }

    private byte[] Decrypt(byte[] file, string sha256)
    {
        if (file.Length < Magic.Length + 1 || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new BlobStoreException("tampered", $"Blob {sha256} is not a SmartKiosk blob file.");
        }

        var keyIdLength = file[Magic.Length];
        var header = Magic.Length + 1 + keyIdLength;
        if (file.Length < header + NonceSize + TagSize)
        {
            throw new BlobStoreException("tampered", $"Blob {sha256} is truncated.");
        }

        var keyId = Encoding.ASCII.GetString(file, Magic.Length + 1, keyIdLength);
        var key = keys.Find(keyId) ?? throw new BlobStoreException("unknown-key", $"Blob {sha256} is encrypted with key '{keyId}', which is not configured.");
        var plaintext = new byte[file.Length - header - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(file.AsSpan(header, NonceSize), file.AsSpan(header + NonceSize + TagSize), file.AsSpan(header + NonceSize, TagSize), plaintext, Encoding.ASCII.GetBytes(sha256));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new BlobStoreException("tampered", $"Blob {sha256} was altered or does not belong at this address.", ex);
        }

        return plaintext;
    }

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);

    private static string CheckAddress(string sha256) =>
        sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigitLower)
            ? sha256
            : throw new BlobStoreException("bad-address", "A blob address is 64 lower-case hexadecimal characters.");
}
