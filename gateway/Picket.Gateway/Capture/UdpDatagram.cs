namespace Picket.Gateway.Capture;

/// <summary>One UDP payload found in a capture.</summary>
/// <param name="TimeUnixMicroseconds">Capture time, UTC microseconds since the Unix epoch.</param>
/// <param name="SourcePort">UDP source port.</param>
/// <param name="DestinationPort">UDP destination port.</param>
/// <param name="Payload">The payload, exactly the UDP length minus 8 (never the Ethernet padding).</param>
public readonly record struct UdpDatagram(long TimeUnixMicroseconds, int SourcePort, int DestinationPort, ArraySegment<byte> Payload);
