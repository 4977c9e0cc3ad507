namespace Picket.ModeS;

public sealed class ErrorCorrectionTests
{
    private static readonly byte[] Long = Convert.FromHexString("8D4840D6202CC371C32CE0576098");
    private static readonly byte[] Short = Convert.FromHexString("5F4001594B0FBB");

    [Fact]
    public void TryCorrect_EverySingleBitErrorAfterDf_RestoresLongFrame()
    {
        for (var bit = 6; bit <= 112; bit++)
        {
            var frame = (byte[])Long.Clone();
            Bits.FlipBit(frame, 0, bit);
            var corrected = ErrorCorrection.TryCorrect(frame, 0, 14, Crc24.Syndrome(frame, 0, 14), 1);
            Assert.Equal(1, corrected);
            Assert.Equal(Long, frame);
        }
    }

    [Fact]
    public void TryCorrect_EverySingleBitErrorAfterDf_RestoresShortFrame()
    {
        for (var bit = 6; bit <= 56; bit++)
        {
            var frame = (byte[])Short.Clone();
            Bits.FlipBit(frame, 0, bit);
            Assert.Equal(1, ErrorCorrection.TryCorrect(frame, 0, 7, Crc24.Syndrome(frame, 0, 7), 1));
            Assert.Equal(Short, frame);
        }
    }

    [Fact]
    public void TryCorrect_TwoBitErrors_CorrectedOnlyWhenAllowed()
    {
        var random = new Random(1090);
        for (var trial = 0; trial < 500; trial++)
        {
            var first = random.Next(6, 113);
            var second = random.Next(6, 113);
            if (first == second)
            {
                continue;
            }

            var frame = (byte[])Long.Clone();
            Bits.FlipBit(frame, 0, first);
            Bits.FlipBit(frame, 0, second);
            var syndrome = Crc24.Syndrome(frame, 0, 14);
            Assert.Equal(0, ErrorCorrection.TryCorrect(frame, 0, 14, syndrome, 1));
            var corrected = ErrorCorrection.TryCorrect(frame, 0, 14, syndrome, 2);

            // The Mode S code has minimum distance 6 at 112 bits, so every 2-bit pattern is unique.
            Assert.Equal(2, corrected);
            Assert.Equal(Long, frame);
        }
    }

    [Fact]
    public void TryCorrect_DfBitFlipped_NotCorrected()
    {
        var frame = (byte[])Long.Clone();
        Bits.FlipBit(frame, 0, 3);
        Assert.Equal(0, ErrorCorrection.TryCorrect(frame, 0, 14, Crc24.Syndrome(frame, 0, 14), 2));
    }
}
