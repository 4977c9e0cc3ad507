using System.Net;
using System.Net.Sockets;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

public sealed class LiveInputSetTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public void Queue_PipelineStalled_DropsOldestCountedAndEveryByteAccountedFor()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        probe.Dispose();
        using var inputs = new LiveInputSet([InputSpec.Parse($"asterix:udp:127.0.0.1:{port}")], InputTestRig.NewPipeline(), new GatewayClock(), queueCapacity: 4);
        using var release = new ManualResetEventSlim();
        var processedBytes = 0L;
        var hookCalls = 0L;
        inputs.ChunkProcessed = count =>
        {
            hookCalls = count;
            release.Wait(); // a stalled pipeline (a watchdog would see the count stop moving)
        };
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Inputs[0].Reader.Connected, Generous));

        // 50 datagrams of 10 bytes (not ASTERIX: the framing rejects them, which is counted too).
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        for (var i = 0; i < 50; i++)
        {
            sender.SendTo(new byte[10], new IPEndPoint(IPAddress.Loopback, port));
        }

        Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].Bytes == 500, Generous), $"bytes {inputs.Snapshot()[0].Bytes}");
        release.Set();
        Assert.True(InputTestRig.WaitFor(() => inputs.ProcessedChunks + inputs.DroppedChunks == 50, Generous));
        inputs.Stop();
        processedBytes = inputs.ProcessedChunks * 10;
        var health = inputs.Snapshot()[0];

        // Capacity 4 (+1 in the stalled hook): most of the burst was dropped, oldest first, and counted.
        Assert.InRange(inputs.DroppedChunks, 1, 50);
        Assert.Equal(inputs.DroppedChunks * 10, health.BytesDropped);
        Assert.Equal(500, processedBytes + health.BytesDropped);
        Assert.Equal(inputs.ProcessedChunks, hookCalls);
        Assert.Equal(0, inputs.PipelineErrors);
    }
}
