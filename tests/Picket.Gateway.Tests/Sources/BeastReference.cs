namespace Picket.Gateway.Sources;

/// <summary>
/// A Beast de-framer written in the test from the format's description, independent of the
/// core's BeastFramer: 0x1a, type '1' (2 bytes), '2' (7) or '3' (14), a 6-byte timestamp and a
/// signal byte, with 0x1a doubled inside; type '4' (status) is skipped.
/// </summary>
internal static class BeastReference
{
    public static List<string> Frames(byte[] bytes)
    {
        var frames = new List<string>();
        var i = 0;
        while (i < bytes.Length - 1)
        {
            if (bytes[i] != 0x1a || bytes[i + 1] == 0x1a)
            {
                i++;
                continue;
            }

            var type = bytes[i + 1];
            var length = type switch { (byte)'1' => 2, (byte)'2' => 7, (byte)'3' => 14, (byte)'4' => 14, _ => -1 };
            if (length < 0)
            {
                i++;
                continue;
            }

            var body = new List<byte>();
            var j = i + 2;
            while (body.Count < 7 + length && j < bytes.Length)
            {
                if (bytes[j] == 0x1a)
                {
                    if (j + 1 >= bytes.Length || bytes[j + 1] != 0x1a)
                    {
                        break; // a new frame starts: this one is truncated
                    }

                    j++;
                }

                body.Add(bytes[j++]);
            }

            if (body.Count == 7 + length && type != (byte)'4')
            {
                frames.Add(Convert.ToHexString(body.GetRange(7, length).ToArray()));
            }

            i = j;
        }

        return frames;
    }
}
