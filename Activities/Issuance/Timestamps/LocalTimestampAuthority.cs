using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using SmartKiosk.Activities.Issuance.Keys;

namespace SmartKiosk.Activities.Issuance.Timestamps;

/// <summary>
/// The embedded default TSA: RFC 3161 tokens issued in-process by BouncyCastle with the development
/// PKI's time-stamping certificate, from the injected clock. A real TSA (a URL in configuration) replaces
/// it in production; the signer does not know the difference.
/// </summary>
public sealed class LocalTimestampAuthority : ITimestampAuthority
{
    /// <summary>A private policy OID for development time stamps.</summary>
    private const string DevelopmentPolicy = "1.3.6.1.4.1.57264.1.1";
    private readonly TimeStampTokenGenerator generator;
    private readonly TimeProvider time;

    public LocalTimestampAuthority(ISigningKey tsa, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tsa);
        this.time = time;
        var parser = new X509CertificateParser();
        var certificate = parser.ReadCertificate(tsa.Certificate.RawData);
        using var rsa = tsa.Certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The TSA certificate has no RSA key in this process.", nameof(tsa));
        var keyPair = DotNetUtilities.GetRsaKeyPair(rsa.ExportParameters(includePrivateParameters: true));
        generator = new TimeStampTokenGenerator(keyPair.Private, certificate, TspAlgorithms.Sha256, DevelopmentPolicy);
        generator.SetCertificates(CollectionUtilities.CreateStore(
            new[] { certificate }.Concat(tsa.Chain.Select(c => parser.ReadCertificate(c.RawData))).ToList()));
    }

    public Task<byte[]> TimestampAsync(byte[] sha256Digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256Digest);
        var requests = new TimeStampRequestGenerator();
        requests.SetCertReq(true);
        var request = requests.Generate(TspAlgorithms.Sha256, sha256Digest, new BigInteger(1, RandomNumberGenerator.GetBytes(8)));
        var response = Respond(request);
        response.Validate(request);
        return Task.FromResult(response.TimeStampToken.GetEncoded());
    }

    /// <summary>Answers an RFC 3161 request as a TSA's HTTP service does (DER TimeStampReq in, DER TimeStampResp out).</summary>
    public byte[] Respond(byte[] requestDer) => Respond(new TimeStampRequest(requestDer)).GetEncoded();

    private TimeStampResponse Respond(TimeStampRequest request)
    {
        var serial = new BigInteger(1, RandomNumberGenerator.GetBytes(12));
        lock (generator)
        {
            return new TimeStampResponseGenerator(generator, TspAlgorithms.Allowed).Generate(request, serial, time.GetUtcNow().UtcDateTime);
        }
    }
}
