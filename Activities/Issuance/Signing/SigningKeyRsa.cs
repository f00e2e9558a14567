using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartKiosk.Activities.Issuance.Keys;

namespace SmartKiosk.Activities.Issuance.Signing;

/// <summary>
/// Lets .NET's CMS code sign through an <see cref="ISigningKey"/>: the public half comes from the
/// certificate, every signature is delegated, the private key never has to be in this process.
/// </summary>
internal sealed class SigningKeyRsa : RSA
{
    private readonly ISigningKey key;
    private readonly RSA publicKey;

    public SigningKeyRsa(ISigningKey key)
    {
        this.key = key;
        publicKey = key.Certificate.GetRSAPublicKey() ?? throw new ArgumentException("The signing certificate is not an RSA certificate.", nameof(key));
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters
            ? throw new CryptographicException("The private key is held by the signing key provider.")
            : publicKey.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException("Only PKCS#1 v1.5 signatures are supported.");
        }
        return key.SignHash(hash, hashAlgorithm);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publicKey.Dispose();
        }
        base.Dispose(disposing);
    }
}
