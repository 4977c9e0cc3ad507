using System.Net;
using Picket.Server.Security;

namespace Picket.Server.Certificates;

/// <summary>
/// <c>--dev</c>: a first run on one machine. Creates (once) a local fleet CA, a server
/// certificate for localhost, and one gateway and one consumer certificate, then points the
/// configuration at them and at a database in the same folder.
/// </summary>
public static class DevEnvironment
{
    /// <summary>Gateway id of the generated gateway certificate.</summary>
    public const string GatewayId = "dev-gateway";

    /// <summary>Name of the generated consumer certificate.</summary>
    public const string ConsumerName = "dev-consumer";

    /// <summary>Creates the files if missing and returns the configuration that uses them.</summary>
    public static Dictionary<string, string?> Prepare(string directory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(directory);
        var caPath = Path.Combine(directory, "ca.pem");
        if (!File.Exists(caPath))
        {
            using var authority = FleetCertificates.CreateAuthority("Picket dev fleet CA", 365);
            FleetCertificates.WritePem(authority, directory, "ca");
            using var server = FleetCertificates.IssueServer(authority, "localhost", ["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback], 365);
            FleetCertificates.WritePem(server, directory, "server");
            using var gateway = FleetCertificates.IssueClient(authority, GatewayId, CallerRole.Gateway, 365);
            FleetCertificates.WritePem(gateway, directory, GatewayId);
            using var consumer = FleetCertificates.IssueClient(authority, ConsumerName, CallerRole.Consumer, 365);
            FleetCertificates.WritePem(consumer, directory, ConsumerName);
            output.WriteLine($"picket-server: dev mode: created a local CA and certificates in {Path.GetFullPath(directory)}");
        }

        output.WriteLine($"picket-server: dev mode: gateways use {GatewayId}.pem/.key, consumers {ConsumerName}.pem/.key, trusting ca.pem");
        return new Dictionary<string, string?>
        {
            ["Tls:CertificatePath"] = Path.Combine(directory, "server.pem"),
            ["Tls:KeyPath"] = Path.Combine(directory, "server.key"),
            ["Tls:ClientCaPath"] = caPath,
            ["Storage:SqlitePath"] = Path.Combine(directory, "picket.db"),
        };
    }
}
