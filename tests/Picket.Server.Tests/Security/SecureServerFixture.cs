using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Picket.Server.Support;

namespace Picket.Server.Security;

/// <summary>
/// One Kestrel server on a free loopback port with TLS, mTLS against a test fleet CA, two
/// bearer tokens and two revocations, shared by the security tests.
/// </summary>
public sealed class SecureServerFixture : IAsyncLifetime, IDisposable
{
    public const string BoardToken = "board-token-0f3c9a1e5d7b";
    public const string DisplayToken = "display-token-77aa41c0";

    private readonly TestCertificates _certificates = new();
    private readonly X509Certificate2 _strangerAuthority = TestCertificates.CreateAuthority("Someone else's CA");
    private KestrelHarness? _server;

    public SecureServerFixture()
    {
        Gateway1 = TestCertificates.Issue(_certificates.Authority, "CN=gw-1, OU=gateway, O=Picket");
        // Identity in a SAN only: the CN is a descriptive name, the DNS SAN names the gateway.
        GatewaySanOnly = TestCertificates.Issue(_certificates.Authority, "CN=Mast 7 north ridge, OU=gateway, O=Picket", dnsName: "gw-7");
        Consumer1 = TestCertificates.Issue(_certificates.Authority, "CN=display-1, OU=consumer, O=Picket");
        RevokedByName = TestCertificates.Issue(_certificates.Authority, "CN=gw-stolen, OU=gateway, O=Picket");
        RevokedBySerial = TestCertificates.Issue(_certificates.Authority, "CN=gw-9, OU=gateway, O=Picket");
        Stranger = TestCertificates.Issue(_strangerAuthority, "CN=gw-1, OU=gateway, O=Picket");
    }

    public X509Certificate2 Gateway1 { get; }

    public X509Certificate2 GatewaySanOnly { get; }

    public X509Certificate2 Consumer1 { get; }

    public X509Certificate2 RevokedByName { get; }

    public X509Certificate2 RevokedBySerial { get; }

    public X509Certificate2 Stranger { get; }

    internal KestrelHarness Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await KestrelHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Listen:Address"] = "127.0.0.1",
                ["Listen:Port"] = "0",
                ["Tls:CertificatePath"] = _certificates.ServerCertificatePath,
                ["Tls:KeyPath"] = _certificates.ServerKeyPath,
                ["Tls:ClientCaPath"] = _certificates.AuthorityPath,
                ["Auth:Tokens:0:Identity"] = "board-1",
                ["Auth:Tokens:0:Role"] = "gateway",
                ["Auth:Tokens:0:Sha256"] = Sha256Hex(BoardToken),
                ["Auth:Tokens:1:Identity"] = "display-2",
                ["Auth:Tokens:1:Role"] = "consumer",
                ["Auth:Tokens:1:Sha256"] = Sha256Hex(DisplayToken),
                ["Auth:RevokedIdentities:0"] = "gw-stolen",
                ["Auth:RevokedSerials:0"] = RevokedBySerial.SerialNumber,
            },
            _certificates.Authority);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var certificate in new[] { Gateway1, GatewaySanOnly, Consumer1, RevokedByName, RevokedBySerial, Stranger, _strangerAuthority })
        {
            certificate.Dispose();
        }

        _certificates.Dispose();
    }

    private static string Sha256Hex(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
