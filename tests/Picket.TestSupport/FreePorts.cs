using System.Net;
using System.Net.Sockets;

namespace Picket.Testing;

/// <summary>Loopback ports free at the moment of asking (the system's choice of an ephemeral port).</summary>
public static class FreePorts
{
    /// <summary>A TCP port on 127.0.0.1 nobody listens on now.</summary>
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A UDP port on 127.0.0.1 nobody is bound to now.</summary>
    public static int Udp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
