using Picket.Tools;

namespace Picket.Asterix;

/// <summary>The serial framer on bytes that really crossed a pseudo-terminal pair, in whatever chunks the tty layer delivers.</summary>
public sealed class AsterixStreamFramerSerialTests
{
    [SocatFact]
    public void Push_BlocksWithLineNoiseOverPseudoTerminal_AllBlocksFramedAndNoiseCounted()
    {
        var blocks = FuzzTests.LoadBlocks();
        var random = new Random(422);
        var stream = new List<byte>();
        long noise = 0;
        foreach (var block in blocks)
        {
            var count = random.Next(0, 8);
            for (var i = 0; i < count; i++)
            {
                stream.Add((byte)random.Next(0x40, 0x80)); // never 34 or 48, so never a block start
            }

            noise += count;
            stream.AddRange(block);
        }

        using var pair = PseudoTerminalPair.Start();
        using var reader = new FileStream(pair.SecondPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: false);
        using var writer = new FileStream(pair.FirstPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, useAsync: false);
        var framer = new AsterixStreamFramer(1024);
        var framed = new List<byte[]>();
        var received = 0L;
        var readLoop = Task.Run(() =>
        {
            var chunk = new byte[256];
            while (received < stream.Count)
            {
                var read = reader.Read(chunk, 0, chunk.Length);
                if (read <= 0)
                {
                    return;
                }

                received += read;
                for (var i = 0; i < read; i++)
                {
                    for (var ready = framer.Push(chunk[i]); ready; ready = framer.Advance())
                    {
                        framed.Add(framer.Buffer[..framer.BlockLength]);
                    }
                }
            }
        });

        var bytes = stream.ToArray();
        for (var offset = 0; offset < bytes.Length; offset += 64)
        {
            writer.Write(bytes, offset, Math.Min(64, bytes.Length - offset));
            writer.Flush();
        }

        Assert.True(readLoop.Wait(TimeSpan.FromSeconds(20)), $"only {received} of {bytes.Length} octets arrived");
        Assert.Equal(blocks.Count, framed.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(blocks[i], framed[i]);
        }

        Assert.Equal(noise, framer.SkippedBytes);
    }
}
