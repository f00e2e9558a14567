using System.Buffers.Binary;
using System.Text;

namespace SmartKiosk.Activities.Intake;

/// <summary>
/// Reads a scan's structure from its bytes without decoding pixels: the format by its signature, the
/// declared dimensions (a decompression bomb declares more pixels than any page scan), the page count,
/// and where the file should end — a truncated file or one with data after its end (a polyglot, an
/// appended payload) is refused. Only then may a decoder touch it.
/// </summary>
public static class ScanInspector
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ScanInspection Inspect(ReadOnlySpan<byte> bytes, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.IsEmpty)
        {
            throw new ScanRejectedException("empty", "The file is empty.");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            throw new ScanRejectedException("too-large", $"The file is larger than {limits.MaxBytes / (1024 * 1024)} MB.");
        }

        var inspection = bytes switch
        {
            [0xFF, 0xD8, 0xFF, ..] => Jpeg(bytes),
            _ when bytes.StartsWith(PngSignature) => Png(bytes),
            [(byte)'I', (byte)'I', 42, 0, ..] => Tiff(bytes, littleEndian: true, limits),
            [(byte)'M', (byte)'M', 0, 42, ..] => Tiff(bytes, littleEndian: false, limits),
            _ when bytes.StartsWith("%PDF-"u8) => Pdf(bytes),
            _ => throw new ScanRejectedException("unknown-format", "The file is not a JPEG, PNG, TIFF or PDF scan."),
        };

        if ((long)inspection.Width * inspection.Height > limits.MaxPixels)
        {
            throw new ScanRejectedException("too-many-pixels", $"The image declares {inspection.Width}×{inspection.Height} pixels, more than any scan needs.");
        }

        if (inspection.Pages > limits.MaxPages)
        {
            throw new ScanRejectedException("too-many-pages", $"The file has {inspection.Pages} pages; at most {limits.MaxPages} are accepted.");
        }

        return inspection;
    }

    private static ScanInspection Jpeg(ReadOnlySpan<byte> b)
    {
        int width = 0, height = 0, orientation = 1, i = 2;
        while (true)
        {
            if (i + 4 > b.Length || b[i] != 0xFF)
            {
                throw Truncated("JPEG");
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2 || i + 2 + length > b.Length)
            {
                throw Truncated("JPEG");
            }

            if (marker == 0xE1 && length > 8 && b.Slice(i + 4, 6).SequenceEqual("Exif\0\0"u8))
            {
                orientation = ExifOrientation(b.Slice(i + 10, length - 8));
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && length >= 7)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]);
            }

            i += 2 + length;
            if (marker == 0xDA)
            {
                break;
            }
        }

        // After the start of scan comes entropy-coded data; the image ends at the last EOI marker.
        var end = b.LastIndexOf([(byte)0xFF, (byte)0xD9]);
        if (end < i || width == 0 || height == 0)
        {
            throw Truncated("JPEG");
        }

        RejectTrailing(b, end + 2);
        return new ScanInspection(ScanFormat.Jpeg, width, height, 1) { Orientation = orientation };
    }

    /// <summary>Tag 0x0112 of IFD0 in an EXIF block; 1 (upright) when absent or out of range.</summary>
    private static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8 || !(tiff.StartsWith("II"u8) || tiff.StartsWith("MM"u8)))
        {
            return 1;
        }

        var little = tiff[0] == (byte)'I';
        var ifd = (int)Math.Min(U32(tiff, 4, little), int.MaxValue);
        if (ifd + 2 > tiff.Length)
        {
            return 1;
        }

        var count = U16(tiff, ifd, little);
        for (var e = 0; e < count && ifd + 2 + ((e + 1) * 12) <= tiff.Length; e++)
        {
            var entry = ifd + 2 + (e * 12);
            if (U16(tiff, entry, little) == 0x0112)
            {
                var value = U16(tiff, entry + 8, little);
                return value is >= 1 and <= 8 ? value : 1;
            }
        }

        return 1;
    }

    private static ScanInspection Png(ReadOnlySpan<byte> b)
    {
        int width = 0, height = 0, i = PngSignature.Length;
        while (true)
        {
            if (i + 12 > b.Length)
            {
                throw Truncated("PNG");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(b[i..]);
            var type = Encoding.ASCII.GetString(b.Slice(i + 4, 4));
            if (length > int.MaxValue || i + 12 + (long)length > b.Length)
            {
                throw Truncated("PNG");
            }

            var data = b.Slice(i + 8, (int)length);
            if (Crc32(b.Slice(i + 4, 4 + (int)length)) != BinaryPrimitives.ReadUInt32BigEndian(b[(i + 8 + (int)length)..]))
            {
                throw new ScanRejectedException("truncated", "The PNG file is damaged (a chunk checksum does not match).");
            }

            if (type == "IHDR" && length >= 8)
            {
                width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
                height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[4..]), int.MaxValue);
            }

            i += 12 + (int)length;
            if (type == "IEND")
            {
                break;
            }
        }

        if (width == 0 || height == 0)
        {
            throw Truncated("PNG");
        }

        RejectTrailing(b, i);
        return new ScanInspection(ScanFormat.Png, width, height, 1);
    }

    private static ScanInspection Tiff(ReadOnlySpan<byte> b, bool littleEndian, IntakeLimits limits)
    {
        var offset = U32(b, 4, littleEndian);
        var visited = new HashSet<uint>();
        int pages = 0, maxWidth = 0, maxHeight = 0;
        while (offset != 0)
        {
            // A loop in the page chain is the classic way to make a reader spin forever.
            if (!visited.Add(offset) || offset > b.Length - 2)
            {
                throw Truncated("TIFF");
            }

            if (++pages > limits.MaxPages)
            {
                throw new ScanRejectedException("too-many-pages", $"The TIFF has more than {limits.MaxPages} pages.");
            }

            var count = U16(b, (int)offset, littleEndian);
            int width = 0, height = 0;
            for (var e = 0; e < count; e++)
            {
                var entry = (int)offset + 2 + (e * 12);
                var tag = U16(b, entry, littleEndian);
                var type = U16(b, entry + 2, littleEndian);
                var value = type == 3 ? U16(b, entry + 8, littleEndian) : (int)Math.Min(U32(b, entry + 8, littleEndian), int.MaxValue);
                if (tag == 256)
                {
                    width = (int)value;
                }
                else if (tag == 257)
                {
                    height = (int)value;
                }
            }

            if (width == 0 || height == 0)
            {
                throw Truncated("TIFF");
            }

            (maxWidth, maxHeight) = (long)width * height > (long)maxWidth * maxHeight ? (width, height) : (maxWidth, maxHeight);
            offset = U32(b, (int)offset + 2 + (count * 12), littleEndian);
        }

        return new ScanInspection(ScanFormat.Tiff, maxWidth, maxHeight, pages);
    }

    private static uint U32(ReadOnlySpan<byte> b, int at, bool littleEndian) =>
        at >= 0 && at + 4 <= b.Length
            ? (littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]))
            : throw Truncated("TIFF");

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool littleEndian) =>
        at >= 0 && at + 2 <= b.Length
            ? (littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]))
            : throw Truncated("TIFF");

    private static ScanInspection Pdf(ReadOnlySpan<byte> b)
    {
        var tail = b[Math.Max(0, b.Length - 1024)..];
        if (tail.LastIndexOf("%%EOF"u8) < 0)
        {
            throw Truncated("PDF");
        }

        // Scans carry pages and images, never scripts, launch actions or attached files.
        foreach (var active in new[] { "/JavaScript"u8.ToArray(), "/JS"u8.ToArray(), "/Launch"u8.ToArray(), "/EmbeddedFile"u8.ToArray(), "/OpenAction"u8.ToArray() })
        {
            if (b.IndexOf(active) >= 0)
            {
                throw new ScanRejectedException("pdf-active-content", "The PDF contains scripts, actions or attachments; a scan never does.");
            }
        }

        var pages = CountPages(b);
        if (pages == 0)
        {
            throw Truncated("PDF");
        }

        // Page size is known only after rasterising (pdftoppm, under its own limits).
        return new ScanInspection(ScanFormat.Pdf, 0, 0, pages);
    }

    private static int CountPages(ReadOnlySpan<byte> b)
    {
        var count = 0;
        var pattern = "/Type"u8;
        for (var at = b.IndexOf(pattern); at >= 0; at = NextIndex(b, pattern, at))
        {
            var rest = b[(at + pattern.Length)..].TrimStart(" \r\n\t"u8);
            if (rest.StartsWith("/Page"u8) && (rest.Length == 5 || !char.IsAsciiLetter((char)rest[5])))
            {
                count++;
            }
        }

        return count;
    }

    private static int NextIndex(ReadOnlySpan<byte> b, ReadOnlySpan<byte> pattern, int from)
    {
        var next = b[(from + 1)..].IndexOf(pattern);
        return next < 0 ? -1 : from + 1 + next;
    }

    /// <summary>A few padding bytes after the end are tolerated (some scanners add them); anything else is a second file.</summary>
    private static void RejectTrailing(ReadOnlySpan<byte> b, int end)
    {
        var trailing = b[end..];
        if (trailing.Length > 16 || trailing.ContainsAnyExcept((byte)0, (byte)'\r', (byte)'\n'))
        {
            throw new ScanRejectedException("trailing-data", "The file carries other data after the image (a polyglot or an appended payload).");
        }
    }

    private static ScanRejectedException Truncated(string format) =>
        new("truncated", $"The {format} file is incomplete or damaged.");

    // The PNG chunk checksum is the standard CRC-32; the library's is vectorised (a loop per bit cost the
    // gateway 14 % of its CPU in the kiosk load profile, docs/benchmarks.md).
    private static uint Crc32(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
