using System.Net;
using System.Net.Sockets;
using Picket.Gateway.Capture;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Inputs;

/// <summary>Real UDP sockets on loopback: ASTERIX datagrams from a capture, unicast and multicast.</summary>
public sealed class UdpInputReaderTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public void Read_UnicastAsterixDatagrams_EveryRecord()
    {
        var port = FreePorts.Udp();
        using var inputs = InputTestRig.Create($"asterix:udp:127.0.0.1:{port}");
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Inputs[0].Reader.Connected, Generous), inputs.Snapshot()[0].LastError);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        SendCapture(sender, new IPEndPoint(IPAddress.Loopback, port));

        // cat_034_048.txt (another decoder's dump of the capture): 162 data records.
        Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].Frames == 162, Generous), $"records {inputs.Snapshot()[0].Frames}");
        Assert.Equal(0, inputs.Snapshot()[0].DecodeErrors);
    }

    [Fact]
    public void Read_MulticastGroupOnLoopback_EveryRecord()
    {
        var port = FreePorts.Udp();
        var group = IPAddress.Parse("239.255.0.1");
        using var inputs = InputTestRig.Create($"asterix:udp:239.255.0.1:{port}@lo");
        inputs.Start();
        if (!InputTestRig.WaitFor(() => inputs.Inputs[0].Reader.Connected, TimeSpan.FromSeconds(10)))
        {
            // Some kernels and containers refuse multicast on lo: say so instead of failing.
            output.WriteLine($"multicast skipped: the kernel refused to join {group} on lo: {inputs.Snapshot()[0].LastError}");
            return;
        }

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
        sender.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
        SendCapture(sender, new IPEndPoint(group, port));
        if (!InputTestRig.WaitFor(() => inputs.Snapshot()[0].Frames == 162, TimeSpan.FromSeconds(20)) && inputs.Snapshot()[0].Bytes == 0)
        {
            output.WriteLine("multicast skipped: joined, but the kernel delivered no datagram on lo (no multicast route)");
            return;
        }

        Assert.Equal(162, inputs.Snapshot()[0].Frames);
    }

    [Fact]
    public void Open_UnknownInterface_NamesIt()
    {
        using var inputs = InputTestRig.Create($"asterix:udp:239.255.0.1:{FreePorts.Udp()}@nosuch0");
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].LastError is not null, Generous));
        Assert.Contains("network interface 'nosuch0' does not exist", inputs.Snapshot()[0].LastError, StringComparison.Ordinal);
    }

    private static void SendCapture(Socket sender, IPEndPoint target)
    {
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        while (reader.TryReadNext(out var datagram))
        {
            sender.SendTo(datagram.Payload, target);
            Thread.Sleep(1); // loopback drops nothing at this rate even on a loaded machine
        }
    }
}
