using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Picket.Gateway.Sources;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Inputs;

/// <summary>A real TCP listener standing in for readsb's port 30005, which drops the connection and comes back.</summary>
public sealed class TcpInputReaderTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public void Read_ServerClosesAndReturns_ReconnectsAndReadsBothSessions()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var half = bytes.Length / 2;
        var firstHalf = BeastReference.Frames(bytes[..half]).Count;
        var expected = BeastReference.Frames(bytes).Count;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var inputs = InputTestRig.Create($"beast:tcp:127.0.0.1:{port}");
        try
        {
            inputs.Start();
            using (var first = listener.AcceptTcpClient())
            {
                first.GetStream().Write(bytes, 0, half);
                Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].Bytes == half, Generous));
            }

            // The server goes away (readsb restarted), then listens again on the same port.
            listener.Stop();
            Assert.True(InputTestRig.WaitFor(() => !inputs.Inputs[0].Reader.Connected, Generous), "the close was not noticed");
            Thread.Sleep(600);
            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            var back = Stopwatch.StartNew();
            using (var second = listener.AcceptTcpClient())
            {
                output.WriteLine($"reconnected {back.Elapsed.TotalMilliseconds:F0} ms after the server returned; last error: {inputs.Snapshot()[0].LastError}");
                second.GetStream().Write(bytes, half, bytes.Length - half);
                Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].Bytes == bytes.Length, Generous));
                Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].Frames >= expected - 1, Generous));
            }

            var health = inputs.Snapshot()[0];
            Assert.Equal(1, health.Reconnects);
            Assert.True(health.DisconnectedMicroseconds > 500_000);
            // The frame cut in two by the drop is lost (at most one); every other frame arrives once.
            Assert.InRange(health.Frames, expected - 1, expected);
            Assert.True(health.Frames >= firstHalf);
        }
        finally
        {
            inputs.Stop();
            listener.Stop();
        }
    }

    [Fact]
    public void Open_NothingListening_ClearErrorAndRetries()
    {
        // A port nobody listens on: bound then released.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var inputs = InputTestRig.Create($"avr:tcp:127.0.0.1:{port}");
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].LastError is not null, Generous));
        var health = inputs.Snapshot()[0];
        Assert.False(health.Connected);
        Assert.StartsWith($"tcp 127.0.0.1:{port}: Connection refused", health.LastError, StringComparison.Ordinal);
    }
}
