using System.Net;
using Picket.Gateway.Outbox;
using Picket.Server.Certificates;
using Picket.Server.Security;
using Picket.Testing;

namespace Picket.Gateway.Uplink;

/// <summary>The uplink authenticating with the gateway's certificate (mTLS) against the real server with TLS and a fleet CA.</summary>
public sealed class UplinkMutualTlsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RunAsync_GatewayCertificate_BatchesStoredWithoutAToken()
    {
        using var authority = FleetCertificates.CreateAuthority("Uplink test fleet CA", 2);
        using var serverCertificate = FleetCertificates.IssueServer(authority, "127.0.0.1", ["localhost"], [IPAddress.Loopback], 2);
        using var gateway = FleetCertificates.IssueClient(authority, OutboxMessages.GatewayId, CallerRole.Gateway, 2);
        var (certificatePath, keyPath) = FleetCertificates.WritePem(serverCertificate, _directory.Path, "server");
        var authorityPath = _directory.File("ca.pem");
        await File.WriteAllTextAsync(authorityPath, authority.ExportCertificatePem());
        await using var server = await RealServer.StartAsync(_directory.File("server.db"), "token-only-gateway", new Dictionary<string, string?>
        {
            ["Tls:CertificatePath"] = certificatePath,
            ["Tls:KeyPath"] = keyPath,
            ["Tls:ClientCaPath"] = authorityPath,
        });
        using var outbox = SqliteOutbox.Open(new OutboxOptions { Path = _directory.File("outbox.db"), CommitInterval = TimeSpan.FromMilliseconds(50) });
        for (ulong sequence = 1; sequence <= 20; sequence++)
        {
            var created = OutboxMessages.NowUnixMicroseconds;
            outbox.Append(sequence, OutboxMessages.Batch(sequence, 2, created), created);
        }

        var uplink = new UplinkService(outbox, UplinkServiceTests.Options(server.Address) with
        {
            BearerToken = null,
            ClientCertificate = gateway,
            TrustedServerRoot = authority,
        });
        using var stop = new CancellationTokenSource();
        var running = uplink.RunAsync(stop.Token);

        await UplinkServiceTests.Until(() => uplink.Counters.AckedSequence == 20, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, uplink.Counters.AuthFailures);
        Assert.Equal(20, uplink.Counters.BatchesSent);
    }
}
