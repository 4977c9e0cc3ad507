namespace Picket.Gateway.Sources;

/// <summary>NMEA 0183 ARPA target reports from a file (<see cref="NmeaRadarStreamDecoder"/>).</summary>
public sealed class NmeaReplaySource : DecoderReplaySource
{
    /// <summary>The ARPA radar's sensor id (outside the SAC/SIC range of ASTERIX radars).</summary>
    public const int SensorId = NmeaRadarStreamDecoder.SensorId;

    /// <summary>Reads sentences from <paramref name="bytes"/>.</summary>
    /// <param name="description">The input as named on the command line.</param>
    /// <param name="bytes">The file's content.</param>
    /// <param name="startUnixMicroseconds">The replay's start.</param>
    public NmeaReplaySource(string description, byte[] bytes, long startUnixMicroseconds)
        : base(description, new NmeaRadarStreamDecoder(startUnixMicroseconds), [new ArraySegment<byte>(bytes)], bytes.Length)
    {
    }
}
