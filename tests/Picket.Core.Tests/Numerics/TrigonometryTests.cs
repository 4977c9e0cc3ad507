
namespace Picket.Numerics;

public class TrigonometryTests
{
    private const double Scale = 2305843009213693952.0; // 2^61

    [Fact]
    public void SinCos_DenseGridOverFullCircle_WithinTwoTimesTenToMinusSixteenOfDouble()
    {
        double worst = 0;
        for (int i = -100_000; i <= 100_000; i++)
        {
            double angle = i * (Math.PI / 100_000);
            long raw = (long)Math.Round(angle * Scale);
            double exactAngle = raw / Scale;
            Trigonometry.SinCos(raw, out long sine, out long cosine);
            worst = Math.Max(worst, Math.Abs(sine / Scale - Math.Sin(exactAngle)));
            worst = Math.Max(worst, Math.Abs(cosine / Scale - Math.Cos(exactAngle)));
        }

        Assert.True(worst < 2e-16, $"worst error {worst:E3}");
    }

    [Fact]
    public void SinCos_QuarterTurns_ExactToTwoUnitsInTheLastPlace()
    {
        Trigonometry.SinCos(0, out long sine, out long cosine);
        Assert.InRange(sine, -64, 64);
        Assert.InRange(cosine - Q2x61.One, -64, 64);
        Trigonometry.SinCos(Q2x61.HalfPi, out sine, out cosine);
        Assert.InRange(sine - Q2x61.One, -64, 64);
        Assert.InRange(cosine, -64, 64);
        Trigonometry.SinCos(-Q2x61.Pi, out sine, out cosine);
        Assert.InRange(cosine + Q2x61.One, -64, 64);
    }

    [Fact]
    public void Atan2_RandomVectorsOfAnyMagnitude_WithinTwoTimesTenToMinusSixteenOfDouble()
    {
        var random = new Random(11);
        double worst = 0;
        for (int i = 0; i < 50_000; i++)
        {
            int bits = random.Next(2, 63);
            long x = random.NextInt64(-(1L << bits), 1L << bits);
            long y = random.NextInt64(-(1L << bits), 1L << bits);
            if (x == 0 && y == 0)
            {
                continue;
            }

            double error = Trigonometry.Atan2(y, x) / Scale - Math.Atan2(y, x);
            worst = Math.Max(worst, Math.Abs(error));
        }

        Assert.True(worst < 2e-16 * 4, $"worst error {worst:E3}");
    }

    [Fact]
    public void Atan2_AxesAndZero_MatchDefinition()
    {
        Assert.Equal(0, Trigonometry.Atan2(0, 0));
        Assert.InRange(Trigonometry.Atan2(0, 5) , -64, 64);
        Assert.InRange(Trigonometry.Atan2(5, 0) - Q2x61.HalfPi, -64, 64);
        Assert.InRange(Trigonometry.Atan2(-5, 0) + Q2x61.HalfPi, -64, 64);
        Assert.InRange(Math.Abs(Trigonometry.Atan2(0, -5)) - Q2x61.Pi, -64, 64);
        Assert.InRange(Trigonometry.Atan2(long.MinValue, long.MinValue) + 3 * (Q2x61.Pi / 4), -64, 64);
    }
}
