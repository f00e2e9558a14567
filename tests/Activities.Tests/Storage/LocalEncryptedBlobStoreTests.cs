using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SmartKiosk.Activities.Tests.Storage;

/// <summary>The local blob store: content addressing, AES-GCM at rest, keys, limits, and tampering.</summary>
public sealed class LocalEncryptedBlobStoreTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly byte[] Scan = Encoding.UTF8.GetBytes("%PDF-1.7 CĂN CƯỚC CÔNG DÂN 001099012345 NGUYỄN VĂN A " + new string('x', 5000));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "smartkiosk-blob-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Content_is_stored_once_under_its_SHA256_and_read_back_unchanged()
    {
        var store = Store();

        var first = await store.PutAsync(new MemoryStream(Scan), Ct);
        var second = await store.PutAsync(new MemoryStream(Scan), Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Scan)), first.Sha256);
        Assert.Equal(first, second);
        Assert.Single(BlobFiles());
        Assert.Equal(Scan, await store.ReadAsync(first.Sha256, Ct));
        Assert.True(await store.ExistsAsync(first.Sha256, Ct));
    }

    [Fact]
    public async Task Nothing_personal_is_readable_on_disk()
    {
        var stored = await Store().PutAsync(new MemoryStream(Scan), Ct);

        var file = await File.ReadAllBytesAsync(BlobFiles().Single());
        Assert.Equal(-1, file.AsSpan().IndexOf("NGUY"u8));
        Assert.Equal(-1, file.AsSpan().IndexOf("001099012345"u8));
        Assert.Equal("SKB1", Encoding.ASCII.GetString(file, 0, 4));
        Assert.EndsWith(stored.Sha256, BlobFiles().Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_file_or_a_file_moved_to_another_address_is_refused()
    {
        var store = Store();
        var scan = await store.PutAsync(new MemoryStream(Scan), Ct);
        var other = await store.PutAsync(new MemoryStream("another page"u8.ToArray()), Ct);
        var scanFile = BlobFiles().Single(f => f.EndsWith(scan.Sha256, StringComparison.Ordinal));
        var otherFile = BlobFiles().Single(f => f.EndsWith(other.Sha256, StringComparison.Ordinal));

        File.Copy(scanFile, otherFile, overwrite: true);
        Assert.Equal("tampered", (await Assert.ThrowsAsync<BlobStoreException>(() => store.ReadAsync(other.Sha256, Ct))).Code);

        var bytes = await File.ReadAllBytesAsync(scanFile);
        bytes[^10] ^= 0x01;
        await File.WriteAllBytesAsync(scanFile, bytes);
        Assert.Equal("tampered", (await Assert.ThrowsAsync<BlobStoreException>(() => store.ReadAsync(scan.Sha256, Ct))).Code);
    }

    [Fact]
    public async Task Keys_rotate_old_blobs_stay_readable_and_a_store_without_the_key_cannot_read()
    {
        var keyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var written = await Store("a", ("a", keyA)).PutAsync(new MemoryStream(Scan), Ct);

        Assert.Equal(Scan, await Store("b", ("a", keyA), ("b", keyB)).ReadAsync(written.Sha256, Ct));
        Assert.Equal("unknown-key", (await Assert.ThrowsAsync<BlobStoreException>(() => Store("b", ("b", keyB)).ReadAsync(written.Sha256, Ct))).Code);
        Assert.Equal("tampered", (await Assert.ThrowsAsync<BlobStoreException>(() => Store("a", ("a", keyB)).ReadAsync(written.Sha256, Ct))).Code);
    }

    [Fact]
    public async Task Oversize_content_and_bad_addresses_are_refused_and_nothing_is_written()
    {
        var store = Store(maxBytes: 1024);

        Assert.Equal("too-large", (await Assert.ThrowsAsync<BlobStoreException>(() => store.PutAsync(new MemoryStream(Scan), Ct))).Code);
        Assert.Empty(BlobFiles());
        Assert.Equal("bad-address", (await Assert.ThrowsAsync<BlobStoreException>(() => store.ReadAsync("../../etc/passwd", Ct))).Code);
        Assert.Equal("not-found", (await Assert.ThrowsAsync<BlobStoreException>(() => store.ReadAsync(new string('a', 64), Ct))).Code);
    }

    [Fact]
    public async Task A_development_key_is_generated_once_readable_by_its_owner_only_and_reused()
    {
        var stored = await Store().PutAsync(new MemoryStream(Scan), Ct);
        var keyFile = Path.Combine(_data, "keys", "blob-dev.key");

        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal(Scan, await Store().ReadAsync(stored.Sha256, Ct));
    }

    [Fact]
    public async Task Deleting_removes_the_blob()
    {
        var store = Store();
        var stored = await store.PutAsync(new MemoryStream(Scan), Ct);

        Assert.True(await store.DeleteAsync(stored.Sha256, Ct));
        Assert.False(await store.DeleteAsync(stored.Sha256, Ct));
        Assert.False(await store.ExistsAsync(stored.Sha256, Ct));
    }

    private LocalEncryptedBlobStore Store(string? keyId = null, params (string Id, string Key)[] keys) => Store(keyId, 64L * 1024 * 1024, keys);

    private LocalEncryptedBlobStore Store(long maxBytes) => Store(null, maxBytes, []);

    private LocalEncryptedBlobStore Store(string? keyId, long maxBytes, (string Id, string Key)[] keys)
    {
        var options = MsOptions.Create(new BlobStoreOptions { KeyId = keyId, MaxBlobBytes = maxBytes, Keys = keys.ToDictionary(k => k.Id, k => k.Key) });
        var data = MsOptions.Create(new DataFolderOptions { Path = _data });
        return new LocalEncryptedBlobStore(new BlobKeyRing(options, data, NullLogger<BlobKeyRing>.Instance), options, data);
    }

    private string[] BlobFiles() =>
        Directory.Exists(Path.Combine(_data, "blobs")) ? Directory.GetFiles(Path.Combine(_data, "blobs"), "*", SearchOption.AllDirectories) : [];
}
