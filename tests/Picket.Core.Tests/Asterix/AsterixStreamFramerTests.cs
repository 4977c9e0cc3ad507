namespace Picket.Asterix;

public sealed class AsterixStreamFramerTests
{
    [Fact]
    public void Push_RealBlocksBackToBack_FramesEveryBlockWithoutSkipping()
    {
        var blocks = FuzzTests.LoadBlocks();
        var framer = new AsterixStreamFramer(1024);
        var framed = Feed(framer, blocks.SelectMany(b => b).ToArray());

        Assert.Equal(blocks.Count, framed.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(blocks[i], framed[i]);
        }

        Assert.Equal(0, framer.SkippedBytes);
    }

    [Fact]
    public void Push_GarbageBetweenBlocks_ResynchronisesAndCountsSkipped()
    {
        var blocks = FuzzTests.LoadBlocks();
        var random = new Random(7);
        var stream = new List<byte>();
        long garbage = 0;
        foreach (var block in blocks)
        {
            // Garbage without a CAT034/CAT048 octet cannot start a candidate, so every octet of it is skipped.
            var count = random.Next(0, 20);
            for (var i = 0; i < count; i++)
            {
                byte value;
                do
                {
                    value = (byte)random.Next(256);
                }
                while (value is 34 or 48);
                stream.Add(value);
            }

            garbage += count;
            stream.AddRange(block);
        }

        var framer = new AsterixStreamFramer(1024);
        var framed = Feed(framer, stream.ToArray());

        Assert.Equal(blocks.Count, framed.Count);
        Assert.Equal(garbage, framer.SkippedBytes);
    }

    [Fact]
    public void Push_FalseStartInsideGarbage_RecoversFollowingBlock()
    {
        var blocks = FuzzTests.LoadBlocks();
        var block = blocks[0];
        byte[] prefix =
        [
            0x30, // looks like CAT048
            0x00, 0x08, // LEN 8: plausible
            0xFF, // FSPEC octet with FX: plausible so far
        ];

        // The false candidate swallows the first 4 octets of the real block, fails validation and
        // is replayed one octet later, so the real block must still come out whole.
        var framer = new AsterixStreamFramer(1024);
        var framed = Feed(framer, prefix.Concat(block).ToArray());

        Assert.Single(framed);
        Assert.Equal(block, framed[0]);
        Assert.Equal(prefix.Length, framer.SkippedBytes);
    }

    [Fact]
    public void Push_RandomBytes_NeverThrowsAndOnlyEmitsValidBlocks()
    {
        var random = new Random(99);
        var framer = new AsterixStreamFramer(512);
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        for (var i = 0; i < 200_000; i++)
        {
            var value = (byte)random.Next(256);
            for (var ready = framer.Push(value); ready; ready = framer.Advance())
            {
                Assert.Equal(AsterixStatus.Ok, AsterixDataBlock.Validate(framer.Buffer, 0, framer.BlockLength, offsets, out _));
            }
        }

        Assert.True(framer.SkippedBytes > 190_000);
    }

    private static List<byte[]> Feed(AsterixStreamFramer framer, byte[] stream)
    {
        var framed = new List<byte[]>();
        foreach (var value in stream)
        {
            for (var ready = framer.Push(value); ready; ready = framer.Advance())
            {
                framed.Add(framer.Buffer[..framer.BlockLength]);
            }
        }

        return framed;
    }
}
