using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Picket.Server.Configuration;
using Picket.Server.Security;

namespace Picket.Server.Certificates;

/// <summary>
/// <c>picket-server certs</c>: the fleet's credentials.
/// <c>ca --out DIR</c> creates a fleet CA; <c>issue --ca DIR --role gateway|consumer|server --name ID [--out DIR] [--days N]</c>
/// issues a certificate from it; <c>token --identity ID [--role gateway|consumer]</c> makes a bearer
/// token for a gRPC-Web board and prints the configuration entry holding its hash.
/// </summary>
public static class CertsCommand
{
    private const string Usage = """
        usage: picket-server certs ca --out DIR [--name NAME] [--days N]
               picket-server certs issue --ca DIR --role gateway|consumer|server --name ID [--out DIR] [--days N]
               picket-server certs token --identity ID [--role gateway|consumer]
        """;

    /// <summary>Runs the verb; returns the process exit code (0 done, 1 failed, 2 bad command line).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (LaunchArguments.IsHelpRequest(args))
        {
            output.WriteLine(Usage);
            return 0;
        }

        try
        {
            var options = ParseOptions(args.AsSpan(1));
            return args[0] switch
            {
                "ca" => CreateAuthority(options, output),
                "issue" => Issue(options, output),
                "token" => Token(options, output),
                _ => throw new ArgumentException($"unknown certs command '{args[0]}'."),
            };
        }
        catch (ArgumentException e)
        {
            error.WriteLine("picket-server certs: " + e.Message);
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            error.WriteLine("picket-server certs: " + e.Message);
            return 1;
        }
    }

    private static int CreateAuthority(Dictionary<string, string> options, TextWriter output)
    {
        var directory = Required(options, "out");
        if (File.Exists(Path.Combine(directory, "ca.pem")))
        {
            throw new IOException($"{Path.Combine(directory, "ca.pem")} exists; refusing to replace a fleet CA.");
        }

        using var authority = FleetCertificates.CreateAuthority(options.GetValueOrDefault("name", "Picket fleet CA"), Days(options, 3650));
        var (certificate, key) = FleetCertificates.WritePem(authority, directory, "ca");
        output.WriteLine($"fleet CA: {certificate} (key {key}, keep it offline)");
        return 0;
    }

    private static int Issue(Dictionary<string, string> options, TextWriter output)
    {
        var caDirectory = Required(options, "ca");
        var name = Required(options, "name");
        var role = Required(options, "role");
        if (role is not "gateway" and not "consumer" and not "server")
        {
            throw new ArgumentException($"--role '{role}' is not gateway, consumer or server.");
        }

        using var authority = FleetCertificates.LoadPem(Path.Combine(caDirectory, "ca.pem"), Path.Combine(caDirectory, "ca.key"));
        var days = Days(options, 825);
        using var issued = role switch
        {
            "gateway" => FleetCertificates.IssueClient(authority, CheckedIdentity(name), CallerRole.Gateway, days),
            "consumer" => FleetCertificates.IssueClient(authority, CheckedIdentity(name), CallerRole.Consumer, days),
            "server" => FleetCertificates.IssueServer(authority, name, [name], IPAddress.TryParse(name, out var address) ? [address] : [], days),
            _ => throw new ArgumentException($"--role '{role}' is not gateway, consumer or server."),
        };
        var (certificate, key) = FleetCertificates.WritePem(issued, options.GetValueOrDefault("out", "."), name);
        output.WriteLine($"{role} certificate for '{name}': {certificate} (key {key}), serial {issued.SerialNumber}, valid until {issued.NotAfter.ToUniversalTime():yyyy-MM-dd}");
        return 0;
    }

    private static int Token(Dictionary<string, string> options, TextWriter output)
    {
        var identity = CheckedIdentity(Required(options, "identity"));
        var role = options.GetValueOrDefault("role", "gateway");
        if (role is not "gateway" and not "consumer")
        {
            throw new ArgumentException($"--role '{role}' is not gateway or consumer.");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        output.WriteLine($"token (give it to the board, it is not stored anywhere): {token}");
        output.WriteLine("server configuration entry (holds only the hash):");
        output.WriteLine($$"""  { "Identity": "{{identity}}", "Role": "{{role}}", "Sha256": "{{hash}}" }""");
        return 0;
    }

    private static string CheckedIdentity(string identity) =>
        Ingest.BatchValidator.IsValidGatewayId(identity) ? identity : throw new ArgumentException($"'{identity}' is not a valid id: 1 to 64 letters, digits, '-', '_' or '.'.");

    private static int Days(Dictionary<string, string> options, int fallback)
    {
        if (!options.TryGetValue("days", out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 36500
            ? days
            : throw new ArgumentException($"--days '{text}' is not a number of days from 1 to 36500.");
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    private static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--name value', got '{args[i]}'.");
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }
}
