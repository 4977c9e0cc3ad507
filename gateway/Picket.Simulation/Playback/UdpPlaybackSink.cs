using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Picket.Gateway.Inputs;

namespace Picket.Simulation.Playback;

/// <summary>
/// UDP datagrams (<c>FORMAT:udp:ADDRESS:PORT[@INTERFACE]</c>), one unit each, to a unicast address
/// or a multicast group (time to live 1, looped back so a gateway on the same machine hears it;
/// <c>@INTERFACE</c> picks the interface). A radar sends whether anyone listens: a failed send
/// (e.g. an ICMP port unreachable) is counted, never fatal.
/// </summary>
public sealed class UdpPlaybackSink : PlaybackSink
{
    private readonly Socket _socket;
    private readonly IPEndPoint _target;

    /// <summary>Creates the socket.</summary>
    /// <param name="spec">A UDP output.</param>
    /// <exception cref="IOException">The interface does not exist.</exception>
    public UdpPlaybackSink(PlaybackOutputSpec spec)
        : base(spec)
    {
        var address = IPAddress.Parse(spec.Address);
        _target = new IPEndPoint(address, spec.PortOrBaudRate);
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (EndpointSyntax.IsMulticast(spec.Address))
        {
            var level = address.AddressFamily == AddressFamily.InterNetwork ? SocketOptionLevel.IP : SocketOptionLevel.IPv6;
            _socket.SetSocketOption(level, SocketOptionName.MulticastTimeToLive, 1);
            _socket.SetSocketOption(level, SocketOptionName.MulticastLoopback, true);
            if (spec.InterfaceName is { } name)
            {
                var nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name);
                if (nic is null)
                {
                    _socket.Dispose();
                    throw new IOException($"output '{spec.Text}': no network interface '{name}'");
                }

                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    _socket.SetSocketOption(level, SocketOptionName.MulticastInterface, IPAddress.HostToNetworkOrder(nic.GetIPProperties().GetIPv4Properties().Index));
                }
                else
                {
                    _socket.SetSocketOption(level, SocketOptionName.MulticastInterface, nic.GetIPProperties().GetIPv6Properties().Index);
                }
            }
        }
    }

    /// <inheritdoc />
    protected override bool TrySend(byte[] buffer, int count)
    {
        try
        {
            _socket.SendTo(buffer, 0, count, SocketFlags.None, _target);
            return true;
        }
        catch (SocketException e)
        {
            LastError = e.Message;
            return false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _socket.Dispose();
        }
    }
}
