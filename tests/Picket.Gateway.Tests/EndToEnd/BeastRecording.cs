namespace Picket.Gateway.EndToEnd;

/// <summary>
/// A Mode-S Beast byte stream cut into its frames, each with its 48-bit 12 MHz timestamp, read
/// here from the format's description (not with the gateway's decoder): <c>0x1A</c>, a type
/// byte ('1' Mode A/C: 2 bytes, '2' Mode S short: 7, '3' Mode S long: 14), six timestamp bytes
/// (big-endian), one signal byte, the message; a 0x1A inside is doubled.
/// </summary>
internal sealed class BeastRecording
{
    /// <summary>The Beast timestamp counter's rate.</summary>
    public const long TicksPerSecond = 12_000_000;

    private BeastRecording(IReadOnlyList<(long Ticks, byte[] Bytes)> frames) => Frames = frames;

    /// <summary>The frames in stream order: timestamp and the frame's bytes as they were on the wire (escaped).</summary>
    public IReadOnlyList<(long Ticks, byte[] Bytes)> Frames { get; }

    public static BeastRecording Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var frames = new List<(long, byte[])>();
        var i = 0;
        while (i + 1 < bytes.Length)
        {
            if (bytes[i] != 0x1A || bytes[i + 1] is not ((byte)'1' or (byte)'2' or (byte)'3'))
            {
                i++;
                continue;
            }

            var messageLength = bytes[i + 1] switch { (byte)'1' => 2, (byte)'2' => 7, _ => 14 };
            var unescaped = new byte[6 + 1 + messageLength];
            var j = i + 2;
            var n = 0;
            while (n < unescaped.Length && j < bytes.Length)
            {
                if (bytes[j] == 0x1A)
                {
                    if (j + 1 >= bytes.Length || bytes[j + 1] != 0x1A)
                    {
                        break;
                    }

                    j++;
                }

                unescaped[n++] = bytes[j++];
            }

            if (n < unescaped.Length)
            {
                i++;
                continue;
            }

            long ticks = 0;
            for (var k = 0; k < 6; k++)
            {
                ticks = (ticks << 8) | unescaped[k];
            }

            frames.Add((ticks, bytes[i..j]));
            i = j;
        }

        return new BeastRecording(frames);
    }
}
