using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Picket.Gateway.Hosting;

/// <summary>The watchdog feeder against a real notification socket (a unix datagram socket, as systemd's).</summary>
public sealed class SystemdWatchdogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("picket-notify-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PingsOnlyWhileThePipelineMoves()
    {
        var path = Path.Combine(_directory, "notify");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var previous = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", path);
        SystemdNotifier notifier;
        try
        {
            notifier = new SystemdNotifier();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", previous);
        }

        var progress = new PipelineProgress();
        var time = new FakeTimeProvider();
        using var watchdog = new SystemdWatchdog(notifier, progress, time, NullLogger<SystemdWatchdog>.Instance, TimeSpan.FromSeconds(2));
        await watchdog.StartAsync(CancellationToken.None);

        // The first check pings (start-up counts as progress), then a stalled pipeline gets none.
        Assert.Equal("WATCHDOG=1", Receive(socket));
        for (var i = 0; i < 5; i++)
        {
            await AdvanceAsync(time, TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, watchdog.Pings);
        Assert.True(watchdog.Stalls >= 4, $"stalls {watchdog.Stalls}");
        Assert.Equal(0, socket.Available);

        // The pipeline turns again: pinged at the next check.
        progress.Advance();
        await AdvanceAsync(time, TimeSpan.FromSeconds(1));
        Assert.Equal("WATCHDOG=1", Receive(socket));
        Assert.Equal(2, watchdog.Pings);

        await watchdog.StopAsync(CancellationToken.None);
    }

    private static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan span)
    {
        time.Advance(span);
        // Let the PeriodicTimer's continuation run.
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(5);
        }
    }

    private static string Receive(Socket socket)
    {
        socket.ReceiveTimeout = 30_000;
        var buffer = new byte[256];
        var length = socket.Receive(buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }
}
