using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Timestamps;

namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>
/// The detached CMS a PAdES baseline signature carries (SubFilter ETSI.CAdES.detached): SHA-256,
/// signed attributes content-type, message-digest and signing-certificate-v2 (no signing-time: PAdES
/// puts the time in the signature dictionary), the chain, and an RFC 3161 signature time-stamp (B-T).
/// </summary>
public static class CadesSignature
{
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string SignatureTimeStampToken = "1.2.840.113549.1.9.16.2.14";

    public static async Task<byte[]> CreateAsync(byte[] signedContent, ISigningKey key, ITimestampAuthority? timestamps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cms = new SignedCms(new ContentInfo(signedContent), detached: true);
        using var rsa = new SigningKeyRsa(key);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, key.Certificate, rsa)
        {
            DigestAlgorithm = new Oid(Sha256),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var issuer in key.Chain)
        {
            signer.Certificates.Add(issuer);
        }
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, EncodeSigningCertificateV2(key.Certificate)));
        cms.ComputeSignature(signer, silent: true);

        if (timestamps is not null)
        {
            var signerInfo = cms.SignerInfos[0];
            var token = await timestamps.TimestampAsync(SHA256.HashData(signerInfo.GetSignature()), cancellationToken);
            signerInfo.AddUnsignedAttribute(new AsnEncodedData(SignatureTimeStampToken, token));
        }
        return cms.Encode();
    }

    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
    // ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING (SHA-256, the default algorithm, so omitted),
    //                            issuerSerial SEQUENCE { issuer GeneralNames, serialNumber INTEGER } }
    private static byte[] EncodeSigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }
                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }
        return writer.Encode();
    }
}
