using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Picket.Testing;

namespace Picket.Server.Support;

/// <summary>
/// A real <c>nats-server -js</c> on a free loopback port with its store in a temp folder,
/// started once for the test classes that share it and killed at the end.
/// </summary>
public sealed class NatsServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _store = new();
    private Process? _process;

    public Uri Url { get; private set; } = new("nats://127.0.0.1:4222");

    public async Task InitializeAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "nats-server is not installed: the JetStream tests need it (Debian: apt-get install -y nats-server).");
        var port = FreePorts.Tcp();
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", _store.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("nats-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Url = new Uri($"nats://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _store.Dispose();
    }

    public void Dispose()
    {
        _process?.Dispose();
        _store.Dispose();
    }

    private static string? FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator).Append("/usr/sbin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, "nats-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
