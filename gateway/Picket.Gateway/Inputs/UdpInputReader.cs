using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// UDP datagrams on a local port (ASTERIX: one datagram holds whole data blocks), unicast or
/// a multicast group joined on the configured interface. Each datagram is one chunk.
/// </summary>
public sealed class UdpInputReader : InputReader
{
    private const int MaxDatagramBytes = 65_535;
    private Socket? _socket;

    /// <summary>Creates the reader.</summary>
    /// <param name="spec">A UDP input.</param>
    /// <param name="clock">Times each datagram at arrival.</param>
    /// <param name="handler">Receives the datagrams.</param>
    /// <param name="backoff">The retry policy (binding a port in use, an interface not up yet).</param>
    public UdpInputReader(InputSpec spec, GatewayClock clock, InputChunkHandler handler, ReconnectBackoff backoff)
        : base(spec, clock, handler, backoff, MaxDatagramBytes)
    {
        if (spec.Transport != InputTransport.Udp)
        {
            throw new ArgumentException($"input '{spec.Text}' is not a UDP input", nameof(spec));
        }
    }

    /// <summary>The local port bound (useful when the spec asks for a port another test also uses).</summary>
    public int LocalPort => (_socket?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    /// <inheritdoc />
    protected override void Open()
    {
        var address = IPAddress.Parse(Spec.Address);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveTimeout = (int)PollInterval.TotalMilliseconds,
            ReceiveBufferSize = 1024 * 1024,
        };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (Spec.IsMulticast)
            {
                var any = address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
                socket.Bind(new IPEndPoint(any, Spec.PortOrBaudRate));
                Join(socket, address);
            }
            else
            {
                socket.Bind(new IPEndPoint(address, Spec.PortOrBaudRate));
            }
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new InputUnavailableException($"udp {Spec.Address}:{Spec.PortOrBaudRate}{(Spec.InterfaceName is null ? string.Empty : "@" + Spec.InterfaceName)}: {exception.Message}", exception);
        }
        catch (InputUnavailableException)
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
    }

    /// <inheritdoc />
    protected override int Read(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var socket = _socket ?? throw new ObjectDisposedException(Spec.Text);
        try
        {
            return socket.Receive(buffer);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    protected override void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private void Join(Socket socket, IPAddress group)
    {
        var index = 0;
        if (Spec.InterfaceName is { } name)
        {
            var nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name)
                ?? throw new InputUnavailableException($"udp {Spec.Text}: network interface '{name}' does not exist (have: {string.Join(", ", NetworkInterface.GetAllNetworkInterfaces().Select(n => n.Name))})");
            var properties = nic.GetIPProperties();
            index = group.AddressFamily == AddressFamily.InterNetworkV6
                ? properties.GetIPv6Properties().Index
                : properties.GetIPv4Properties()?.Index ?? throw new InputUnavailableException($"udp {Spec.Text}: interface '{name}' has no IPv4");
        }

        if (group.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(group, index));
        }
        else
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, index));
        }
    }
}
