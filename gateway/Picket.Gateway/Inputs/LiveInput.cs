using Picket.Gateway.Sources;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>One configured input of a <see cref="LiveInputSet"/>: its reader (own thread), its format's decoder (pipeline thread) and its counters.</summary>
public sealed class LiveInput
{
    private long _frames;
    private long _decodeErrors;
    private long _bytesDropped;
    private long _lastFrameUnixMicroseconds;

    internal LiveInput(InputSpec spec, GatewayClock clock, InputChunkHandler handler, ReconnectBackoff backoff)
    {
        Spec = spec;
        Decoder = CreateDecoder(spec);
        Reader = InputReader.Create(spec, clock, handler, backoff);
    }

    /// <summary>The input.</summary>
    public InputSpec Spec { get; }

    /// <summary>The reader.</summary>
    public InputReader Reader { get; }

    /// <summary>The decoder (used on the pipeline thread only).</summary>
    internal StreamDecoder Decoder { get; }

    /// <summary>The counters now.</summary>
    /// <returns>The snapshot.</returns>
    public InputHealth Snapshot() => new(
        Spec.Text,
        Reader.Connected,
        Reader.Bytes,
        Interlocked.Read(ref _frames),
        Interlocked.Read(ref _decodeErrors),
        Reader.Reconnects,
        Reader.DisconnectedMicroseconds,
        Interlocked.Read(ref _bytesDropped),
        Interlocked.Read(ref _lastFrameUnixMicroseconds),
        Reader.LastError);

    /// <summary>Decoder for <paramref name="spec"/>'s format in live mode.</summary>
    /// <param name="spec">The input.</param>
    /// <returns>The decoder.</returns>
    public static StreamDecoder CreateDecoder(InputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Format switch
        {
            InputFormat.Beast => new ModeSStreamDecoder(beast: true, spec.TimestampFormat),
            InputFormat.Avr => new ModeSStreamDecoder(beast: false, BeastTimestampFormat.TwelveMegahertz),
            InputFormat.Sbs => new SbsStreamDecoder(),
            // UDP datagrams hold whole blocks; serial and TCP are streams to frame.
            InputFormat.Asterix => new AsterixStreamDecoder(stream: spec.Transport != InputTransport.Udp),
            _ => new NmeaRadarStreamDecoder(),
        };
    }

    internal void CountDropped(int bytes) => Interlocked.Add(ref _bytesDropped, bytes);

    internal void Decoded(int items, long arrivalUnixMicroseconds)
    {
        Interlocked.Exchange(ref _frames, Decoder.Items);
        Interlocked.Exchange(ref _decodeErrors, Decoder.DecodeErrors);
        if (items > 0)
        {
            Interlocked.Exchange(ref _lastFrameUnixMicroseconds, arrivalUnixMicroseconds);
        }
    }
}
