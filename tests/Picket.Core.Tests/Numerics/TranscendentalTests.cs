namespace Picket.Numerics;

public class TranscendentalTests
{
    private const double Q32 = 4294967296.0;
    private const double Q61 = 2305843009213693952.0;

    [Fact]
    public void Log2_RandomPositiveValues_WithinTwoToMinusThirtyOfDouble()
    {
        var random = new Random(21);
        double worst = 0;
        for (int i = 0; i < 20_000; i++)
        {
            long value = random.NextInt64(1, long.MaxValue) >> random.Next(0, 62);
            if (value == 0)
            {
                continue;
            }

            int saturations = 0;
            double actual = Transcendental.Log2(value, ref saturations) / Q32;
            worst = Math.Max(worst, Math.Abs(actual - Math.Log2(value)));
        }

        Assert.True(worst < Math.Pow(2, -30), $"worst {worst:E3}");
    }

    [Fact]
    public void Log2_PowersOfTwo_Exact()
    {
        int saturations = 0;
        for (int power = 0; power < 63; power++)
        {
            Assert.Equal((long)power << 32, Transcendental.Log2(1L << power, ref saturations));
        }

        Assert.Equal(0, saturations);
    }

    [Fact]
    public void Log2_NonPositive_CountsAndReturnsMinimum()
    {
        int saturations = 0;
        Assert.Equal(long.MinValue, Transcendental.Log2(0, ref saturations));
        Assert.Equal(long.MinValue, Transcendental.Log2(-5, ref saturations));
        Assert.Equal(2, saturations);
    }

    [Fact]
    public void ExpNegative_RangeZeroToFifty_WithinTwoTimesTenToMinusTenOfDouble()
    {
        double worst = 0;
        for (double x = 0; x <= 50; x += 0.00731)
        {
            long raw = (long)Math.Round(x * Q32);
            double actual = Transcendental.ExpNegative(raw) / Q61;
            worst = Math.Max(worst, Math.Abs(actual - Math.Exp(-raw / Q32)));
        }

        Assert.True(worst < 2e-10, $"worst {worst:E3}");
        Assert.Equal(0, Transcendental.ExpNegative(100L << 32));
    }
}
