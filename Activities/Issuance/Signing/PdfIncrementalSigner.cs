using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>
/// Signs an existing signature field of a PDF as an incremental update (ISO 32000-1 §7.5.6): the
/// signature dictionary and a new revision of the field are appended with their own cross-reference
/// section and a trailer pointing back (/Prev), so every byte signed before stays untouched — which is
/// what lets the agency seal follow the officer's signature without breaking it. The CMS comes from a
/// callback over the exact bytes the /ByteRange covers.
/// </summary>
public static partial class PdfIncrementalSigner
{
    /// <summary>Room for the CMS (certificates, time-stamp token); hex-encoded it takes twice as much.</summary>
    public const int ContentsCapacity = 16 * 1024;
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static async Task<byte[]> SignAsync(byte[] pdf, PdfSignatureRequest request, Func<byte[], CancellationToken, Task<byte[]>> createCms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(createCms);
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = Trailer.Read(text);
        var field = FindField(text, request.Field)
            ?? throw new InvalidOperationException($"The PDF has no signature field '{request.Field}'.");
        if (field.Dictionary.Contains("/V ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The signature field '{request.Field}' is already signed.");
        }

        var signatureObject = trailer.Size;
        var update = new StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        var start = (long)pdf.Length;
        if (!text.EndsWith('\n'))
        {
            update.Append('\n');
        }

        offsets[signatureObject] = start + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{signatureObject} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ");
        var byteRangeAt = start + update.Length;
        update.Append(ByteRangePlaceholder).Append(" /Contents ");
        var contentsAt = start + update.Length;
        update.Append('<').Append('0', ContentsCapacity * 2).Append('>');
        var contentsEnd = start + update.Length;
        update.Append(CultureInfo.InvariantCulture, $" /M {PdfDate(request.SigningTime)} /Name {PdfText(request.SignerName)} /Reason {PdfText(request.Reason)} /Location {PdfText(request.Location)} >>\nendobj\n");

        offsets[field.Number] = start + update.Length;
        var dictionary = field.Dictionary.TrimEnd();
        update.Append(CultureInfo.InvariantCulture, $"{field.Number} 0 obj\n{dictionary[..^2].TrimEnd()} /V {signatureObject} 0 R >>\nendobj\n");

        var xrefAt = start + update.Length;
        update.Append("xref\n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        }
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {Math.Max(trailer.Size, signatureObject + 1)} /Root {trailer.Root} ");
        if (trailer.Info is not null)
        {
            update.Append(CultureInfo.InvariantCulture, $"/Info {trailer.Info} ");
        }
        if (trailer.Id is not null)
        {
            update.Append(CultureInfo.InvariantCulture, $"/ID {trailer.Id} ");
        }
        update.Append(CultureInfo.InvariantCulture, $"/Prev {trailer.StartXref} >>\nstartxref\n{xrefAt}\n%%EOF\n");

        var signed = new byte[pdf.Length + Encoding.Latin1.GetByteCount(update.ToString())];
        pdf.CopyTo(signed, 0);
        Encoding.Latin1.GetBytes(update.ToString(), signed.AsSpan(pdf.Length));

        // The /ByteRange covers everything but the hex string, brackets included.
        var ranges = $"[0 {contentsAt,-10} {contentsEnd,-10} {signed.Length - contentsEnd,-10}]";
        Encoding.ASCII.GetBytes(ranges.PadRight(ByteRangePlaceholder.Length), signed.AsSpan((int)byteRangeAt));
        var covered = new byte[contentsAt + (signed.Length - contentsEnd)];
        signed.AsSpan(0, (int)contentsAt).CopyTo(covered);
        signed.AsSpan((int)contentsEnd).CopyTo(covered.AsSpan((int)contentsAt));

        var cms = await createCms(covered, cancellationToken);
        if (cms.Length > ContentsCapacity)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {ContentsCapacity} bytes reserved for it.");
        }
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms), signed.AsSpan((int)contentsAt + 1));
        return signed;
    }

    /// <summary>The latest revision of the signature field named <paramref name="name"/>.</summary>
    private static (int Number, string Dictionary)? FindField(string text, string name)
    {
        (int, string)? found = null;
        foreach (Match match in ObjectPattern().Matches(text))
        {
            var dictionary = match.Groups["body"].Value;
            if (dictionary.Contains("/FT /Sig", StringComparison.Ordinal) || dictionary.Contains("/FT/Sig", StringComparison.Ordinal))
            {
                if (Regex.IsMatch(dictionary, $@"/T\s*\({Regex.Escape(name)}\)"))
                {
                    found = (int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), dictionary);
                }
            }
        }
        return found;
    }

    private static string PdfDate(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"(D:{time:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}')");
    }

    /// <summary>A PDF text string as UTF-16BE with a byte-order mark, hex-encoded (any Vietnamese letter, no escaping).</summary>
    internal static string PdfText(string value) => $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value))}>";

    // Flat dictionaries only (signature fields have no nested dictionaries).
    [GeneratedRegex(@"(?<number>\d+) 0 obj\s*(?<body><<(?:(?!<<|>>).)*>>)\s*endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();
}
