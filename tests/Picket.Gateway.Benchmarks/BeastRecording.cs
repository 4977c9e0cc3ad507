namespace Picket.Gateway.Benchmarks;

/// <summary>
/// A recorded Beast byte stream cut into frames with their 12 MHz timestamps, read here
/// independently of the gateway's framer (the Beast format as readsb writes it: <c>0x1A</c>, a type
/// byte <c>'1'</c>/<c>'2'</c>/<c>'3'</c>/<c>'4'</c>, 6 bytes of timestamp, 1 byte of signal, then 2, 7,
/// 14 or 14 bytes of payload; a <c>0x1A</c> inside any of them is doubled).
/// </summary>
internal sealed class BeastRecording
{
    private const byte Escape = 0x1A;

    private BeastRecording(byte[] bytes, int[] frameEnds, double[] frameSeconds)
    {
        Bytes = bytes;
        FrameEnds = frameEnds;
        FrameSeconds = frameSeconds;
    }

    /// <summary>The stream as recorded (escaped).</summary>
    public byte[] Bytes { get; }

    /// <summary>Offset just past each frame in <see cref="Bytes"/>.</summary>
    public int[] FrameEnds { get; }

    /// <summary>Each frame's time since the first frame, in seconds (12 MHz counter).</summary>
    public double[] FrameSeconds { get; }

    /// <summary>The recording's length in seconds (first to last frame).</summary>
    public double DurationSeconds => FrameSeconds.Length == 0 ? 0 : FrameSeconds[^1];

    public static BeastRecording Load(string path) => Parse(File.ReadAllBytes(path));

    public static BeastRecording Parse(byte[] bytes)
    {
        var ends = new List<int>();
        var seconds = new List<double>();
        long first = -1;
        var position = 0;
        Span<byte> unescaped = stackalloc byte[7 + 14];
        while (position < bytes.Length)
        {
            if (bytes[position] != Escape || position + 1 >= bytes.Length)
            {
                throw new InvalidDataException($"Beast recording: no frame start at byte {position}");
            }

            var payload = bytes[position + 1] switch
            {
                (byte)'1' => 2,
                (byte)'2' => 7,
                (byte)'3' => 14,
                (byte)'4' => 14,
                var other => throw new InvalidDataException($"Beast recording: unknown frame type 0x{other:X2} at byte {position}"),
            };
            var cursor = position + 2;
            var wanted = 7 + payload;
            for (var i = 0; i < wanted; i++)
            {
                if (cursor >= bytes.Length)
                {
                    throw new InvalidDataException($"Beast recording: frame at byte {position} is cut short");
                }

                unescaped[i] = bytes[cursor];
                cursor += bytes[cursor] == Escape ? 2 : 1;
            }

            long ticks = 0;
            for (var i = 0; i < 6; i++)
            {
                ticks = (ticks << 8) | unescaped[i];
            }

            if (first < 0)
            {
                first = ticks;
            }

            ends.Add(cursor);
            seconds.Add((ticks - first) / 12e6);
            position = cursor;
        }

        return new BeastRecording(bytes, [.. ends], [.. seconds]);
    }
}
