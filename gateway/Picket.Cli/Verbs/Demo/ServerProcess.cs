using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// The reference server (<c>picket-server</c>) started as its own process on a loopback port, as a
/// central server runs beside the masts: the field binary does not carry the server. Found next to
/// <c>picket</c> (a side-by-side install), through <c>PICKET_SERVER</c> (a path to the
/// <c>picket-server</c> executable or its dll), or in the repository's build output for the same
/// configuration. Disposing kills it and removes its data folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string EnvironmentVariable = "PICKET_SERVER";
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringWriter _errors = new();

    private ServerProcess(Process process, string dataDirectory, Uri address, Uri http1Address)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Address = address;
        Http1Address = http1Address;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>The server's cleartext HTTP/1.1 listener (<c>Listen:Http1Port</c>), where browsers find the live map.</summary>
    public Uri Http1Address { get; }

    /// <summary>Starts the server on a free loopback port with its SQLite store in a new temporary folder; returns once it accepts connections.</summary>
    /// <param name="arguments">Further server arguments (configuration syntax).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="InputException">The server cannot be found or did not start.</exception>
    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, prefix) = Locate();
        var port = FreeLoopbackPort();
        var http1Port = FreeLoopbackPort();
        var dataDirectory = Directory.CreateTempSubdirectory("picket-demo-").FullName;
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its own folder: the server reads appsettings.json from its working directory.
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in prefix)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "--Listen:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Storage:SqlitePath", Path.Combine(dataDirectory, "picket.db"), "--Management:Port", "off", "--Listen:Http1Port", http1Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InputException($"could not start {fileName}");
        var server = new ServerProcess(process, dataDirectory, new Uri($"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{http1Port}"));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (server._errors)
                {
                    server._errors.WriteLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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

    /// <summary>Kills the server and removes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                string errors;
                lock (_errors)
                {
                    errors = _errors.ToString().Trim();
                }

                throw new InputException($"picket-server exited with code {_process.ExitCode} before it listened{(errors.Length > 0 ? ": " + errors : "")}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new InputException($"picket-server did not listen on port {port} within 60 s: {e.Message}", e);
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

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
