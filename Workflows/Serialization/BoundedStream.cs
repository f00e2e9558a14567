namespace SmartKiosk.Workflows.Serialization;

/// <summary>Reads an untrusted body into memory, but never more than a limit: an oversize upload costs at most one chunk past it.</summary>
public static class BoundedStream
{
    /// <summary>All the bytes of <paramref name="stream"/>, or null as soon as they exceed <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
