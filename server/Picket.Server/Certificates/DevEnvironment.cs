using System.Net;
using System.Security.Cryptography;
using System.Text;
using Picket.Server.Security;

namespace Picket.Server.Certificates;

/// <summary>
/// <c>--dev</c>: a first run on one machine. Creates (once) a local fleet CA, a server
/// certificate for localhost, one gateway and one consumer certificate, and a consumer token
/// for the live map (a browser has no client certificate), then points the configuration at
/// them and at a database in the same folder.
/// </summary>
public static class DevEnvironment
{
    /// <summary>Gateway id of the generated gateway certificate.</summary>
    public const string GatewayId = "dev-gateway";

    /// <summary>Name of the generated consumer certificate.</summary>
    public const string ConsumerName = "dev-consumer";

    /// <summary>Consumer identity of the live map's token in dev mode.</summary>
    public const string MapConsumerName = "dev-map";

    /// <summary>File in the dev folder holding the live map's consumer token.</summary>
    public const string MapTokenFile = "dev-map.token";

    // Far above the indices an operator's own Auth:Tokens use, so that neither replaces the other.
    private const int MapTokenIndex = 1000;

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
        // A browser has no client certificate: the live map signs in with a consumer token kept
        // beside the dev keys (the address fragment carries it; the server keeps only its hash).
        var mapTokenPath = Path.Combine(directory, MapTokenFile);
        if (!File.Exists(mapTokenPath))
        {
            File.WriteAllText(mapTokenPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(mapTokenPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var mapToken = File.ReadAllText(mapTokenPath).Trim();
        output.WriteLine($"picket-server: dev mode: live map at /map/#token={mapToken} on the server's https address (the browser must trust ca.pem)");
        return new Dictionary<string, string?>
        {
            [$"Auth:Tokens:{MapTokenIndex}:Identity"] = MapConsumerName,
            [$"Auth:Tokens:{MapTokenIndex}:Role"] = "Consumer",
            [$"Auth:Tokens:{MapTokenIndex}:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mapToken))),
            ["Tls:CertificatePath"] = Path.Combine(directory, "server.pem"),
            ["Tls:KeyPath"] = Path.Combine(directory, "server.key"),
            ["Tls:ClientCaPath"] = caPath,
            ["Storage:SqlitePath"] = Path.Combine(directory, "picket.db"),
        };
    }
}
