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
/// configuration. Its SQLite store and working directory are a folder the caller owns.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string EnvironmentVariable = "PICKET_SERVER";
    private readonly DemoChild _child;

    private ServerProcess(DemoChild child, int port, string databasePath)
    {
        _child = child;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        DatabasePath = databasePath;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c> (cleartext HTTP/2).</summary>
    public Uri Address { get; }

    /// <summary>The server's SQLite database.</summary>
    public string DatabasePath { get; }

    /// <summary>The process.</summary>
    public DemoChild Process => _child;

    /// <summary>Starts the server on a free loopback port with its SQLite store in <paramref name="dataDirectory"/>; returns once it accepts connections.</summary>
    /// <param name="dataDirectory">Its working directory and database folder.</param>
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
            "--Listen:Address", "127.0.0.1", "--Listen:Port", port.ToString(CultureInfo.InvariantCulture),
            "--Storage:SqlitePath", databasePath, "--Management:Port", "off",
            .. arguments,
        ];
        // Its own folder: the server reads appsettings.json from its working directory.
        var server = new ServerProcess(DemoChild.Start("picket-server", fileName, all, dataDirectory), port, databasePath);
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
