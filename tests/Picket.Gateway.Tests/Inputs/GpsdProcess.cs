using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Picket.Gateway.Inputs;

/// <summary>
/// A real gpsd (Debian's gpsd package) started as <c>gpsd -N -n -S PORT DEVICE</c> on a pseudo-terminal
/// of a <see cref="SocatLink"/>, on a free loopback port; killed on dispose.
/// </summary>
internal sealed class GpsdProcess : IDisposable
{
    public const string Program = "/usr/sbin/gpsd";
    public const string MissingMessage = "gpsd not installed (Debian: apt-get install -y gpsd); the gpsd source cannot be exercised here";
    private readonly Process _process;

    public GpsdProcess(string devicePath)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        // gpsd names the device it reads: the pty itself, not socat's link to it.
        var device = File.ResolveLinkTarget(devicePath, returnFinalTarget: true)?.FullName ?? devicePath;
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-N", "-n", "-S", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), device })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(_process.HasExited, $"gpsd exited at start (code {(_process.HasExited ? _process.ExitCode : 0)})");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public static bool IsAvailable { get; } = File.Exists(Program) && SocatLink.IsAvailable;

    public int Port { get; }

    public string Spec => "gpsd:127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
