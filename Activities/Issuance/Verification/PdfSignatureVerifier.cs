using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartKiosk.Activities.Issuance.Verification;

/// <summary>
/// Our own check of a PDF's signatures, independent of PDFsharp: each /ByteRange must leave out exactly
/// its /Contents string, the CMS must verify over exactly those bytes, the signer must chain to a
/// trusted root, and the time-stamp token must belong to the signature.
/// </summary>
public static partial class PdfSignatureVerifier
{
    private const string SignatureTimeStampToken = "1.2.840.113549.1.9.16.2.14";

    public static IReadOnlyList<PdfSignatureCheck> Check(byte[] pdf, IReadOnlyList<X509Certificate2> trustedRoots)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var checks = new List<PdfSignatureCheck>();
        foreach (Match match in SignaturePattern().Matches(text))
        {
            checks.Add(CheckOne(pdf, match, trustedRoots));
        }
        return checks;
    }

    private static PdfSignatureCheck CheckOne(byte[] pdf, Match match, IReadOnlyList<X509Certificate2> trustedRoots)
    {
        long Number(string group) => long.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        var (a, b, c, d) = (Number("a"), Number("b"), Number("c"), Number("d"));
        var contentsStart = match.Groups["contents"].Index - 1;
        var contentsEnd = match.Groups["contents"].Index + match.Groups["contents"].Length + 1;
        if (a != 0 || b != contentsStart || c != contentsEnd || c + d > pdf.Length || b < 0)
        {
            return new PdfSignatureCheck(null, false, false, null, 0, "byte-range-mismatch");
        }

        byte[] cms;
        try
        {
            var hex = Convert.FromHexString(match.Groups["contents"].Value);
            AsnDecoder.ReadEncodedValue(hex, AsnEncodingRules.BER, out _, out _, out var length);
            cms = hex[..length];
        }
        catch (Exception exception) when (exception is FormatException or AsnContentException)
        {
            return new PdfSignatureCheck(null, false, false, null, c + d, "signature-unreadable");
        }

        var covered = new byte[b + d];
        Array.Copy(pdf, 0, covered, 0, b);
        Array.Copy(pdf, c, covered, b, d);
        var signed = new SignedCms(new ContentInfo(covered), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException)
        {
            return new PdfSignatureCheck(null, false, false, null, c + d, "signature-unreadable");
        }
        var signer = signed.SignerInfos.Count == 1 ? signed.SignerInfos[0] : null;
        var name = signer?.Certificate?.GetNameInfo(X509NameType.SimpleName, false);
        if (signer?.Certificate is null)
        {
            return new PdfSignatureCheck(name, false, false, null, c + d, "signer-missing");
        }
        try
        {
            signed.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new PdfSignatureCheck(name, false, false, null, c + d, "digest-mismatch");
        }

        var timestamp = Timestamp(signer);
        var trusted = Chains(signer.Certificate, signed.Certificates, trustedRoots, timestamp ?? DateTimeOffset.UtcNow);
        return new PdfSignatureCheck(name, true, trusted, timestamp, c + d, trusted ? null : "untrusted-signer");
    }

    private static DateTimeOffset? Timestamp(SignerInfo signer)
    {
        foreach (var attribute in signer.UnsignedAttributes)
        {
            if (attribute.Oid.Value != SignatureTimeStampToken || attribute.Values.Count == 0)
            {
                continue;
            }
            if (Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _)
                && token.VerifySignatureForSignerInfo(signer, out _))
            {
                return token.TokenInfo.Timestamp;
            }
        }
        return null;
    }

    private static bool Chains(X509Certificate2 certificate, X509Certificate2Collection extra, IReadOnlyList<X509Certificate2> roots, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(extra);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        return chain.Build(certificate);
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(?<a>\d+)\s+(?<b>\d+)\s+(?<c>\d+)\s+(?<d>\d+)\s*\]\s*/Contents\s*<(?<contents>[0-9A-Fa-f]*)>")]
    private static partial Regex SignaturePattern();
}
