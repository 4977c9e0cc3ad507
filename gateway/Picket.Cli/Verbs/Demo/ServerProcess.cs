using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// The reference server (<c>picket-server</c>) started as its own process on a loopback port, as a
/// central server runs beside the masts: the field binary does not carry the server. Found next to
/// <c>picket</c> (a side-by-side install), through <c>PICKET_SERVER</c> (a path to the
/// <c>picket-server</c> executable or its dll), or in the repository's build output for the same
/// configuration. It runs with <c>--dev</c> on a folder the caller owns: the server creates there a
/// local fleet CA (<c>ca.pem</c>), its certificate for localhost, a gateway's and a consumer's
/// client certificates and the live map's consumer token, and serves mTLS; the SQLite store and the
/// working directory are the same folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string EnvironmentVariable = "PICKET_SERVER";
    private readonly DemoChild _child;

    // The names picket-server --dev gives its files (server/Picket.Server/Certificates/DevEnvironment.cs).
    private const string DevGatewayName = "dev-gateway";
    private const string DevConsumerName = "dev-consumer";
    private const string DevMapTokenFile = "dev-map.token";

    private ServerProcess(DemoChild child, int port, string directory)
    {
        _child = child;
        // The server's certificate names localhost and 127.0.0.1; it listens on 127.0.0.1 only.
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{port}"));
        DatabasePath = Path.Combine(directory, "picket-server.db");
        CaPath = Path.Combine(directory, "ca.pem");
        Gateway = new ClientCredentials(DevGatewayName, Path.Combine(directory, DevGatewayName + ".pem"), Path.Combine(directory, DevGatewayName + ".key"));
        Consumer = new ClientCredentials(DevConsumerName, Path.Combine(directory, DevConsumerName + ".pem"), Path.Combine(directory, DevConsumerName + ".key"));
        MapTokenPath = Path.Combine(directory, DevMapTokenFile);
    }

    /// <summary>The server's address, e.g. <c>https://127.0.0.1:41234</c> (TLS, HTTP/2 and HTTP/1.1, client certificates asked for).</summary>
    public Uri Address { get; }

    /// <summary>The server's SQLite database.</summary>
    public string DatabasePath { get; }

    /// <summary>The dev fleet CA (PEM) that signed the server's and the clients' certificates.</summary>
    public string CaPath { get; }

    /// <summary>The dev gateway's certificate and key; its common name is the gateway id it may publish as.</summary>
    public ClientCredentials Gateway { get; }

    /// <summary>The dev consumer's certificate and key.</summary>
    public ClientCredentials Consumer { get; }

    /// <summary>The file holding the live map's consumer token (a browser has no client certificate).</summary>
    public string MapTokenPath { get; }

    /// <summary>The process.</summary>
    public DemoChild Process => _child;

    /// <summary>Starts the server with <c>--dev</c> on a free loopback port with its certificates and SQLite store in <paramref name="dataDirectory"/>; returns once it accepts connections.</summary>
    /// <param name="dataDirectory">Its working directory, dev certificate and database folder (an absolute path).</param>
    /// <param name="arguments">Further server arguments (configuration syntax, e.g. tokens).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InputException">The server cannot be found or did not start.</exception>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, prefix) = Locate();
        var port = FreeLoopbackPort();
        var databasePath = Path.Combine(dataDirectory, "picket-server.db");
        string[] all =
        [
            .. prefix,
            "--dev", dataDirectory,
            "--Listen:Address", "127.0.0.1", "--Listen:Port", port.ToString(CultureInfo.InvariantCulture),
            "--Storage:SqlitePath", databasePath, "--Management:Port", "off",
            .. arguments,
        ];
        // Its own folder: the server reads appsettings.json from its working directory.
        var server = new ServerProcess(DemoChild.Start("picket-server", fileName, all, dataDirectory), port, dataDirectory);
        try
        {
            await server.WaitUntilListeningAsync(port, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the live map's consumer token the server wrote.</summary>
    /// <returns>The token.</returns>
    /// <exception cref="InputException">The server wrote no token.</exception>
    public string ReadMapToken()
    {
        try
        {
            return File.ReadAllText(MapTokenPath).Trim();
        }
        catch (IOException e)
        {
            throw new InputException($"picket-server --dev wrote no map token ({MapTokenPath}): {e.Message}", e);
        }
    }

    /// <summary>A free TCP port on loopback (free now: another program may take it before it is used).</summary>
    /// <returns>The port.</returns>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server (SIGTERM, then SIGKILL after 15 s).</summary>
    /// <returns>When it has exited.</returns>
    public Task<bool> StopAsync() => _child.StopAsync(TimeSpan.FromSeconds(15));

    /// <summary>Kills the server if it still runs.</summary>
    /// <returns>When it is gone.</returns>
    public ValueTask DisposeAsync() => _child.DisposeAsync();

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_child.HasExited)
            {
                throw new InputException($"picket-server exited with code {_child.ExitCode} before it listened: {_child.Tail()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new InputException($"picket-server did not listen on port {port} within 90 s: {e.Message}", e);
            }
        }
    }

    private static (string FileName, string[] Prefix) Locate()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? ForPath(configured)
                : throw new InputException($"{EnvironmentVariable}={configured}: no such file");
        }

        var candidates = new List<string> { AppContext.BaseDirectory };
        // The repository's build output: gateway/Picket.Cli/bin/<Configuration>/<tfm>/ → server/Picket.Server/bin/<Configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (here.Parent?.Parent?.Parent?.Parent?.Parent is { } root)
        {
            candidates.Add(Path.Combine(root.FullName, "server", "Picket.Server", "bin", here.Parent.Name, here.Name));
        }

        foreach (var directory in candidates)
        {
            var dll = Path.Combine(directory, "picket-server.dll");
            if (File.Exists(dll))
            {
                return ForPath(dll);
            }

            var executable = Path.Combine(directory, "picket-server");
            if (File.Exists(executable))
            {
                return ForPath(executable);
            }
        }

        throw new InputException($"picket-server not found (looked in {string.Join(", ", candidates)}); build it (dotnet build server/Picket.Server) or set {EnvironmentVariable}");
    }

    private static (string, string[]) ForPath(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [path]) : (path, []);
}
