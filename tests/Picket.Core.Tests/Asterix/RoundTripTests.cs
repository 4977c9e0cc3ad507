using System.Reflection;

namespace Picket.Asterix;

/// <summary>Encode then decode gives back every field exactly (to the LSB), for generated records.</summary>
public sealed class RoundTripTests
{
    private const int Records = 3000;

    [Fact]
    public void Cat048_GeneratedRecordsInBlocks_RoundTripExactly()
    {
        var generator = new AsterixRecordGenerator(seed: 4804);
        var decoder = new Cat048Decoder();
        var buffer = new byte[4096];
        var batch = new Cat048Record[7];
        for (var done = 0; done < Records; done += batch.Length)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = generator.NextCat048();
            }

            var length = Cat048Encoder.EncodeBlock(batch, batch.Length, buffer, 0, buffer.Length);
            Assert.True(length > 0);
            Assert.Equal(AsterixStatus.Ok, AsterixDataBlock.TryReadHeader(buffer, 0, length, out var category, out var blockLength));
            Assert.Equal(48, category);
            Assert.Equal(length, blockLength);
            var position = AsterixDataBlock.HeaderLength;
            foreach (var expected in batch)
            {
                Assert.Equal(AsterixStatus.Ok, decoder.TryDecode(buffer, position, length, out var actual, out var recordLength));
                AssertSame(expected, actual);
                position += recordLength;
            }

            Assert.Equal(length, position);
        }
    }

    [Fact]
    public void Cat034_GeneratedRecordsInBlocks_RoundTripExactly()
    {
        var generator = new AsterixRecordGenerator(seed: 3404);
        var decoder = new Cat034Decoder();
        var buffer = new byte[2048];
        var batch = new Cat034Record[5];
        for (var done = 0; done < Records; done += batch.Length)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = generator.NextCat034();
            }

            var length = Cat034Encoder.EncodeBlock(batch, batch.Length, buffer, 0, buffer.Length);
            Assert.True(length > 0);
            var position = AsterixDataBlock.HeaderLength;
            foreach (var expected in batch)
            {
                Assert.Equal(AsterixStatus.Ok, decoder.TryDecode(buffer, position, length, out var actual, out var recordLength));
                Assert.Equal(expected, actual);
                position += recordLength;
            }

            Assert.Equal(length, position);
        }
    }

    [Fact]
    public void EncodeRecord_BufferTooSmall_ReturnsZeroAndExactFitSucceeds()
    {
        var generator = new AsterixRecordGenerator(seed: 1);
        var buffer = new byte[256];
        for (var i = 0; i < 200; i++)
        {
            var cat048 = generator.NextCat048();
            var full = Cat048Encoder.EncodeRecord(ref cat048, buffer, 0, buffer.Length);
            Assert.Equal(full, Cat048Encoder.EncodeRecord(ref cat048, buffer, 0, full));
            for (var end = 0; end < full; end++)
            {
                Assert.Equal(0, Cat048Encoder.EncodeRecord(ref cat048, buffer, 0, end));
            }

            var cat034 = generator.NextCat034();
            full = Cat034Encoder.EncodeRecord(ref cat034, buffer, 0, buffer.Length);
            Assert.Equal(full, Cat034Encoder.EncodeRecord(ref cat034, buffer, 0, full));
            for (var end = 0; end < full; end++)
            {
                Assert.Equal(0, Cat034Encoder.EncodeRecord(ref cat034, buffer, 0, end));
            }
        }
    }

    /// <summary>Field-by-field equality; I048/250 compares register content, not where it sits.</summary>
    internal static void AssertSame(Cat048Record expected, Cat048Record actual)
    {
        foreach (var field in typeof(Cat048Record).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (field.Name is nameof(Cat048Record.ModeSData) or nameof(Cat048Record.ModeSDataOffset))
            {
                continue;
            }

            Assert.True(Equals(field.GetValue(expected), field.GetValue(actual)), $"{field.Name}: expected {field.GetValue(expected)}, got {field.GetValue(actual)}");
        }

        Assert.Equal(expected.ModeSData is null, actual.ModeSData is null);
        if (expected.ModeSData is not null)
        {
            Assert.Equal(
                expected.ModeSData.AsSpan(expected.ModeSDataOffset, 8 * expected.ModeSDataCount).ToArray(),
                actual.ModeSData!.AsSpan(actual.ModeSDataOffset, 8 * actual.ModeSDataCount).ToArray());
        }
    }
}
