using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Picket.Testing;

namespace Picket.Server.Support;

/// <summary>
/// A fleet CA and certificates made in the test with <see cref="CertificateRequest"/> (not with
/// the server's own issuing code), written as PEM files for the server to load.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TestCertificates()
    {
        Authority = CreateAuthority("Test fleet CA");
        using var server = Issue(Authority, "CN=127.0.0.1, OU=server", serverAuth: true, dnsName: "localhost");
        (ServerCertificatePath, ServerKeyPath) = Write(server, "server");
        AuthorityPath = _directory.File("ca.pem");
        File.WriteAllText(AuthorityPath, Authority.ExportCertificatePem());
    }

    public X509Certificate2 Authority { get; }

    public string AuthorityPath { get; }

    public string ServerCertificatePath { get; }

    public string ServerKeyPath { get; }

    public string Directory => _directory.Path;

    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>A client certificate: subject e.g. <c>CN=gw-1, OU=gateway</c>.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string subject, bool serverAuth = false, string? dnsName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        if (serverAuth)
        {
            san.AddIpAddress(IPAddress.Loopback);
        }

        if (dnsName is not null)
        {
            san.AddDnsName(dnsName);
        }

        request.CertificateExtensions.Add(san.Build());
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        return issued.CopyWithPrivateKey(key);
    }

    public (string Certificate, string Key) Write(X509Certificate2 certificate, string name)
    {
        var certificatePath = _directory.File(name + ".pem");
        var keyPath = _directory.File(name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose()
    {
        Authority.Dispose();
        _directory.Dispose();
    }
}
