using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Picket.Server.Security;

namespace Picket.Server.Certificates;

/// <summary>
/// Issues the fleet's certificates (ECDSA P-256): a self-signed fleet CA, server certificates,
/// and client certificates whose CN is the gateway id or consumer name and whose OU is the role.
/// </summary>
public static class FleetCertificates
{
    /// <summary>Creates a self-signed CA certificate with its private key, valid for <paramref name="days"/>.</summary>
    public static X509Certificate2 CreateAuthority(string name, int days)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + Escape(name) + ", O=Picket"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(days));
    }

    /// <summary>Issues a server certificate for the DNS names and IP addresses given.</summary>
    public static X509Certificate2 IssueServer(X509Certificate2 authority, string name, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, int days)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        ArgumentNullException.ThrowIfNull(addresses);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
        {
            san.AddDnsName(dns);
        }

        foreach (var address in addresses)
        {
            san.AddIpAddress(address);
        }

        return Issue(authority, "CN=" + Escape(name) + ", OU=server, O=Picket", san, "1.3.6.1.5.5.7.3.1", days);
    }

    /// <summary>Issues a client certificate for a gateway or consumer: CN and DNS SAN = <paramref name="identity"/>, OU = role.</summary>
    public static X509Certificate2 IssueClient(X509Certificate2 authority, string identity, CallerRole role, int days)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(identity);
        var unit = role == CallerRole.Gateway ? CertificateIdentity.GatewayUnit : CertificateIdentity.ConsumerUnit;
        return Issue(authority, "CN=" + Escape(identity) + ", OU=" + unit + ", O=Picket", san, "1.3.6.1.5.5.7.3.2", days);
    }

    /// <summary>Writes <c>NAME.pem</c> (certificate) and <c>NAME.key</c> (PKCS#8 private key, owner-only) in <paramref name="directory"/>.</summary>
    public static (string CertificatePath, string KeyPath) WritePem(X509Certificate2 certificate, string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, name + ".pem");
        var keyPath = Path.Combine(directory, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The certificate has no ECDSA private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (certificatePath, keyPath);
    }

    /// <summary>Loads a certificate and its private key from PEM files.</summary>
    public static X509Certificate2 LoadPem(string certificatePath, string keyPath) => X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, SubjectAlternativeNameBuilder san, string usageOid, int days)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var now = DateTimeOffset.UtcNow;
        var notAfter = now.AddDays(days) < authority.NotAfter ? now.AddDays(days) : new DateTimeOffset(authority.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, now.AddMinutes(-5), notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);
}
