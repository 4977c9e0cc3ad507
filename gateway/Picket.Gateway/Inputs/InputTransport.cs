namespace Picket.Gateway.Inputs;

/// <summary>How an input's bytes reach the gateway.</summary>
public enum InputTransport
{
    /// <summary>A serial device (UART, USB serial adapter) through System.IO.Ports.</summary>
    Serial,

    /// <summary>A TCP client to a local decoder (readsb, dump1090).</summary>
    Tcp,

    /// <summary>UDP datagrams, unicast or multicast (one datagram holds whole ASTERIX data blocks).</summary>
    Udp,
}
