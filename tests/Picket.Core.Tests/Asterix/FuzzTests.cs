using Picket.Gateway.Capture;
using Picket.Testing;

namespace Picket.Asterix;

/// <summary>Hostile input: random octets, every truncation and every LEN lie of real blocks. Nothing may throw; damage must be reported.</summary>
public sealed class FuzzTests
{
    private static readonly Lazy<List<byte[]>> RealBlocks = new(LoadBlocks);

    [Fact]
    public void Decode_RandomBlocks_NeverThrow()
    {
        var random = new Random(404);
        var cat048 = new Cat048Decoder();
        var cat034 = new Cat034Decoder();
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        var buffer = new byte[300];
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var length = random.Next(0, buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            buffer[0] = iteration % 2 == 0 ? (byte)48 : (byte)34;
            DecodeEverything(buffer, length, cat048, cat034, offsets);
        }
    }

    [Fact]
    public void Decode_EveryTruncationOfRealBlocks_ReportedNotThrown()
    {
        var cat048 = new Cat048Decoder();
        var cat034 = new Cat034Decoder();
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        foreach (var block in RealBlocks.Value)
        {
            for (var length = 0; length < block.Length; length++)
            {
                var truncated = block[..length];

                // The header still claims the full length: the block reader must refuse it.
                Assert.NotEqual(AsterixStatus.Ok, AsterixDataBlock.TryReadHeader(truncated, 0, length, out _, out _));

                // Records cut short inside the block must fail, never read past the end.
                if (length > AsterixDataBlock.HeaderLength)
                {
                    var decoder = block[0] == 48
                        ? cat048.TryDecode(truncated, 3, length, out _, out var recordLength)
                        : cat034.TryDecode(truncated, 3, length, out _, out recordLength);
                    Assert.True(decoder != AsterixStatus.Ok || 3 + recordLength <= length);
                }

                DecodeEverything(truncated, length, cat048, cat034, offsets);
            }
        }
    }

    [Fact]
    public void Validate_EveryWrongLen_Caught()
    {
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        var lies = 0;
        foreach (var block in RealBlocks.Value)
        {
            var padded = new byte[block.Length + 64];
            block.CopyTo(padded, 0);
            for (var claimed = 0; claimed < padded.Length; claimed++)
            {
                if (claimed == block.Length)
                {
                    continue;
                }

                padded[1] = (byte)(claimed >> 8);
                padded[2] = (byte)claimed;
                var status = AsterixDataBlock.TryReadHeader(padded, 0, padded.Length, out _, out var length);
                if (status == AsterixStatus.Ok)
                {
                    status = AsterixDataBlock.Validate(padded, 0, length, offsets, out _);
                }

                // A LEN that ends on a record boundary inside the block is not a detectable lie
                // from the octets alone: the records before it are whole and valid.
                if (status == AsterixStatus.Ok)
                {
                    Assert.True(EndsOnRecordBoundary(block, claimed), $"LEN {claimed} of a {block.Length}-octet block accepted");
                    continue;
                }

                lies++;
            }
        }

        Assert.True(lies > 1000);
    }

    private static bool EndsOnRecordBoundary(byte[] block, int claimed)
    {
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        var position = AsterixDataBlock.HeaderLength;
        while (position < block.Length)
        {
            AsterixRecordWalker.TryWalk(AsterixUap.ForCategory(block[0]), block, position, block.Length, offsets, out var length);
            position += length;
            if (position == claimed)
            {
                return true;
            }
        }

        return false;
    }

    private static void DecodeEverything(byte[] buffer, int length, Cat048Decoder cat048, Cat034Decoder cat034, int[] offsets)
    {
        var position = 0;
        while (position < length)
        {
            if (AsterixDataBlock.TryReadHeader(buffer, position, length - position, out var category, out var blockLength) != AsterixStatus.Ok)
            {
                return;
            }

            AsterixDataBlock.Validate(buffer, position, blockLength, offsets, out _);
            var end = position + blockLength;
            var record = position + AsterixDataBlock.HeaderLength;
            while (record < end)
            {
                var status = category == 48
                    ? cat048.TryDecode(buffer, record, end, out _, out var recordLength)
                    : cat034.TryDecode(buffer, record, end, out _, out recordLength);
                if (status != AsterixStatus.Ok)
                {
                    break;
                }

                Assert.InRange(record + recordLength, record + 1, end);
                record += recordLength;
            }

            position = end;
        }
    }

    internal static List<byte[]> LoadBlocks()
    {
        var blocks = new List<byte[]>();
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        while (reader.TryReadNext(out var datagram))
        {
            var payload = datagram.Payload.ToArray();
            var position = 0;
            while (AsterixDataBlock.TryReadHeader(payload, position, payload.Length - position, out _, out var length) == AsterixStatus.Ok)
            {
                blocks.Add(payload[position..(position + length)]);
                position += length;
            }
        }

        return blocks;
    }
}
