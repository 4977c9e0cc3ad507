using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Picket.Testing;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// The real <c>picket-server</c> as a process: cleartext HTTP/2 on a loopback port, SQLite in a
/// folder of the test, one gateway token. Killed (SIGKILL) and started again on the same port and
/// database, as a central server that crashes and is restarted by its supervisor.
/// </summary>
internal sealed class ServerUnderTest : IDisposable
{
    public const string Token = "e2e-token-0123456789abcdef";

    private readonly string _directory;
    private readonly string _gatewayId;
    private ChildProcess? _process;

    public ServerUnderTest(string directory, string gatewayId)
    {
        _directory = directory;
        _gatewayId = gatewayId;
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, "server.db");
        Port = FreePorts.Tcp();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string DatabasePath { get; }

    public int Starts { get; private set; }

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public void Start()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token)));
        string[] arguments =
        [
            "--Listen:Address", "127.0.0.1", "--Listen:Port", Port.ToString(CultureInfo.InvariantCulture), "--Management:Port", "off",
            "--Storage:SqlitePath", DatabasePath,
            "--Auth:Tokens:0:Identity", _gatewayId, "--Auth:Tokens:0:Role", "Gateway", "--Auth:Tokens:0:Sha256", hash,
        ];
        // Its own folder: the server reads appsettings.json from its working directory.
        _process = ChildProcess.Start(BuiltPrograms.PicketServer, arguments, _directory);
        Starts++;
        _process.WaitForPortAsync(Port, TimeSpan.FromSeconds(90)).GetAwaiter().GetResult();
    }

    /// <summary>SIGKILL: the server dies with whatever it had in flight.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();
}
