using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SmartKiosk.TestSupport.Scans;

/// <summary>
/// Builds scan files byte by byte, so each hostile variant (a bomb header, a cut-off file, a page loop,
/// an appended payload) is exactly what the test says it is. The PNG is a real, decodable image.
/// </summary>
public static class ScanBytes
{
    public static byte[] Png(int width, int height, bool withEnd = true)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(output, "IHDR", header);

        // Pixel rows are generated only for small images; a bomb header never gets this far.
        var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + Math.Min(width, 64)];
            for (var y = 0; y < Math.Min(height, 64); y++)
            {
                z.Write(row);
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        if (withEnd)
        {
            Chunk(output, "IEND", []);
        }

        return output.ToArray();
    }

    public static byte[] Jpeg(int width, int height, bool withEnd = true, int? orientation = null)
    {
        var b = new List<byte> { 0xFF, 0xD8 };
        b.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (orientation is { } o)
        {
            // APP1 "Exif\0\0" + a big-endian TIFF header + IFD0 with one entry: Orientation (SHORT).
            byte[] exif = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0, (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)o, 0, 0, 0, 0, 0, 0];
            b.AddRange([0xFF, 0xE1, 0x00, (byte)(exif.Length + 2)]);
            b.AddRange(exif);
        }

        b.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        b.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        b.AddRange([0x12, 0x34, 0x56, 0x78, 0x9A]);
        if (withEnd)
        {
            b.AddRange([0xFF, 0xD9]);
        }

        return [.. b];
    }

    /// <summary>A little-endian TIFF with one IFD per page; <paramref name="loop"/> points the last page back at the first.</summary>
    public static byte[] Tiff(int pages, int width, int height, bool loop = false)
    {
        const int EntrySize = 12;
        var ifdSize = 2 + (2 * EntrySize) + 4;
        var bytes = new byte[8 + (pages * ifdSize)];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 8);
        for (var p = 0; p < pages; p++)
        {
            var at = 8 + (p * ifdSize);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), 2);
            Entry(bytes, at + 2, 256, width);
            Entry(bytes, at + 2 + EntrySize, 257, height);
            var next = p + 1 < pages ? 8 + ((p + 1) * ifdSize) : (loop ? 8 : 0);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 2 + (2 * EntrySize)), (uint)next);
        }

        return bytes;
    }

    public static byte[] Pdf(int pages, string extra = "") =>
        Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count " + pages + " >> endobj\n"
            + string.Concat(Enumerable.Range(0, pages).Select(i => $"{3 + i} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"))
            + extra + "trailer << /Root 1 0 R >>\n%%EOF\n");

    private static void Entry(byte[] bytes, int at, ushort tag, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 2), 4); // LONG
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 8), (uint)value);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
