namespace Picket.Simulation.Playback;

/// <summary>Where a playback output sends its bytes.</summary>
public enum PlaybackTransport
{
    /// <summary>A serial device or pseudo-terminal path.</summary>
    Serial,

    /// <summary>A TCP port that listens; every client gets the stream from the moment it connects.</summary>
    TcpListen,

    /// <summary>UDP datagrams to a unicast address or a multicast group (one frame, block or sentence each).</summary>
    Udp,
}
