using Picket.Gateway.Capture;

namespace Picket.Gateway.Sources;

/// <summary>
/// CAT034/CAT048 records from a pcap capture (one chunk per datagram) or a raw file of data
/// blocks, in file order, through <see cref="AsterixStreamDecoder"/> (its time rules: the first
/// time of day in the 24 hours from one hour before the start, each later one on the day nearest
/// the previous record's time, through UTC midnight).
/// </summary>
public sealed class AsterixReplaySource : DecoderReplaySource
{
    /// <summary>The first record's time of day is placed on the day nearest the start plus this (the window [start - 1 h, start + 23 h)).</summary>
    public const long FirstRecordReferenceOffsetMicroseconds = AsterixStreamDecoder.FirstRecordReferenceOffsetMicroseconds;

    /// <summary>Reads records from <paramref name="bytes"/>.</summary>
    /// <param name="description">The input as named on the command line.</param>
    /// <param name="bytes">The file's content (pcap or raw blocks).</param>
    /// <param name="startUnixMicroseconds">The replay's start.</param>
    /// <exception cref="InputFormatException">A pcap file that cannot be read.</exception>
    public AsterixReplaySource(string description, byte[] bytes, long startUnixMicroseconds)
        : base(description, new AsterixStreamDecoder(startUnixMicroseconds), Chunks(description, bytes), bytes.Length)
    {
    }

    private static List<ArraySegment<byte>> Chunks(string description, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!PcapReader.IsPcap(bytes))
        {
            return [new ArraySegment<byte>(bytes)];
        }

        var chunks = new List<ArraySegment<byte>>();
        try
        {
            var reader = new PcapReader(bytes);
            while (reader.TryReadNext(out var datagram))
            {
                chunks.Add(datagram.Payload);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new InputFormatException($"{description}: not a readable pcap file: {exception.Message}", exception);
        }

        return chunks;
    }
}
