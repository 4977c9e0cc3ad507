using Picket.Geodesy;
using Picket.Numerics;
using Picket.Tracking;
using Picket.Tracking.Height;
using Xunit.Abstractions;

namespace Picket.Core.Tests.Tracking.Height;

/// <summary>
/// The height bank alone, fed hand-made plots of a target flying straight and level past a 2-D
/// radar: slant range and azimuth computed here in doubles on a sphere (independent of the
/// core's fixed-point ground-range geometry), so the expected height is the one the target was
/// given.
/// </summary>
public sealed class HeightHypothesesTests(ITestOutputHelper output)
{
    private const double EarthRadiusMetres = 6_380_000;
    private const double RadarHeightMetres = 60;
    private const double SigmaRangeMetres = 60;
    private const double SigmaAzimuthDegrees = 0.12;

    [Fact]
    public void Observe_OverflightAt8KilometresTwoKilometresAbeam_BestCandidateIs8Kilometres()
    {
        var (bank, plane, configuration) = NewBank();

        // 230 m/s heading east, 2 km north of the radar, from 30 km west to 10 km east.
        Feed(bank, plane, configuration, heightMetres: 8000, abeamMetres: 2000, fromEastMetres: -30_000, toEastMetres: 10_000, seed: 1);

        Print(bank);
        Assert.Equal(8, bank.Best());
    }

    [Fact]
    public void Observe_OverflightAt8Kilometres_CandidatesAboveTheSlantRangeAreChargedTheCap()
    {
        var (bank, plane, configuration) = NewBank();

        Feed(bank, plane, configuration, heightMetres: 8000, abeamMetres: 2000, fromEastMetres: -30_000, toEastMetres: 10_000, seed: 2);

        // Near the overflight the slant range is about 8.2 km: 9 km and above cannot reach it, so
        // they carry at least one cap (16) more than the truth's candidate.
        for (int k = 9; k < bank.Count; k++)
        {
            Assert.True(bank.CostOf(k) - bank.CostOf(8) > Q31x32.FromInteger(configuration.HeightNisCap), $"candidate {k}");
        }
    }

    [Fact]
    public void Observe_PlotsBeyondACandidatesReach_ItCoastsAndIsChargedTheCapEachTime()
    {
        var (bank, plane, configuration) = NewBank();
        const int Candidate = 12;

        // Level at 8 km, 2 km abeam, 230 m/s east: the 12 km candidate reaches the plots until the
        // target is about sqrt(11.94² − 8² − 2²) = 8.6 km west of the radar, then not until it is
        // 8.6 km east of it (the one flight, its time running on from the first stretch).
        Feed(bank, plane, configuration, heightMetres: 8000, abeamMetres: 2000, fromEastMetres: -30_000, toEastMetres: -9_000, seed: 11);
        long velocityEast = bank.VelocityEastOf(Candidate);
        long velocityNorth = bank.VelocityNorthOf(Candidate);
        double cost = bank.CostOf(Candidate) / (double)Q31x32.One;
        int plots = Feed(bank, plane, configuration, heightMetres: 8000, abeamMetres: 2000, fromEastMetres: -8_000, toEastMetres: 8_000, seed: 12, startMicroseconds: 1_000_000_000 + (long)Math.Round(22_000 / 230.0 * 1e6));

        // Each plot beyond its reach says nothing of its trajectory: the velocity is the one it
        // had, and the cost is the decayed one plus the cap per plot.
        double decay = configuration.HeightCostDecayPerMille / 1000.0;
        for (int i = 0; i < plots; i++)
        {
            cost = (cost * decay) + configuration.HeightNisCap;
        }

        Assert.Equal(velocityEast, bank.VelocityEastOf(Candidate));
        Assert.Equal(velocityNorth, bank.VelocityNorthOf(Candidate));
        Assert.InRange(bank.CostOf(Candidate) / (double)Q31x32.One, cost - 0.001, cost + 0.001);
    }

    [Theory]
    [InlineData(8000, 2000, 3000, 1)]
    [InlineData(8000, 2000, 12000, 2)]
    [InlineData(7000, 12000, 8500, 3)]
    [InlineData(5000, 10000, 8500, 4)]
    public void TryChoose_WrongHeldHeightAfterAPassNearTheRadar_MovesWithinHalfAKilometreOfTheTruth(int heightMetres, int abeamMetres, int heldMetres, int seed)
    {
        var (bank, plane, configuration) = NewBank();
        Feed(bank, plane, configuration, heightMetres, abeamMetres, fromEastMetres: -30_000, toEastMetres: 4_000, seed: seed);

        bool moved = bank.TryChoose(configuration, Q31x32.FromInteger(heldMetres), out long height, out _, out _);

        Print(bank);
        output.WriteLine($"chosen {height / (double)Q31x32.One:F0} m");
        Assert.True(moved);
        Assert.InRange(height / (double)Q31x32.One, heightMetres - 500, heightMetres + 500);
    }

    [Fact]
    public void TryChoose_FarPassWhereHeightIsUnobservable_KeepsTheHeldHeight()
    {
        // 25 km abeam, level at 5 km: a wrong height of 8.5 km moves the ground track by about
        // (8.5² − 5²) / (2 × 25) = 0.9 km, nearly uniformly: no trajectory is much straighter.
        var (bank, plane, configuration) = NewBank();
        Feed(bank, plane, configuration, heightMetres: 5000, abeamMetres: 25_000, fromEastMetres: -30_000, toEastMetres: 5_000, seed: 5);

        bool moved = bank.TryChoose(configuration, Q31x32.FromInteger(8500), out long height, out _, out _);

        Print(bank);
        Assert.False(moved);
        Assert.Equal(Q31x32.FromInteger(8500), height);
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(0, false)]
    public void TryChoose_ConsistentPassAfterAStretchNoCandidateExplained_MovesOnTheRecentPlots(int recentConsistentCost, bool expectMoved)
    {
        // A level flight at 3 km, 2 km abeam, whose first 100 s of plots scatter 1.5° in azimuth
        // (as a climb or a descent looks to fixed heights: nothing fits) leaves every candidate's
        // decayed cost near its ceiling of cap / (1 − decay); then the pass past the radar with the
        // radar's own noise. The 8 km held height cannot reach the pass's closest plots.
        var (bank, plane, configuration) = NewBank();
        configuration.HeightRecentConsistentCost = recentConsistentCost;
        const double Speed = 230;
        const double Step = Speed * 4;
        Feed(bank, plane, configuration, heightMetres: 3000, abeamMetres: 2000, fromEastMetres: -28 * Step, toEastMetres: -4 * Step, seed: 9, azimuthNoiseDegrees: 1.5);
        Feed(bank, plane, configuration, heightMetres: 3000, abeamMetres: 2000, fromEastMetres: -3 * Step, toEastMetres: 3 * Step, seed: 10, startMicroseconds: 1_000_000_000 + (25 * 4_000_000L));
        bool moved = bank.TryChoose(configuration, Q31x32.FromInteger(8000), out long height, out _, out int best);

        Print(bank);
        output.WriteLine($"moved {moved}, chosen {height / (double)Q31x32.One:F0} m");
        Assert.True(bank.CostOf(best) > Q31x32.FromInteger(configuration.HeightConsistentCost), "the decayed cost alone refuses the move");
        Assert.Equal(expectMoved, moved);
        if (expectMoved)
        {
            Assert.InRange(height / (double)Q31x32.One, 2500, 3500);
        }
    }

    [Fact]
    public void TryChoose_FewerPlotsThanTheMinimum_KeepsTheHeldHeight()
    {
        var (bank, plane, configuration) = NewBank();
        int plots = Feed(bank, plane, configuration, heightMetres: 8000, abeamMetres: 2000, fromEastMetres: -3_000, toEastMetres: 1_000, seed: 6);

        bool moved = bank.TryChoose(configuration, Q31x32.FromInteger(2000), out long height, out _, out _);

        Assert.True(plots < configuration.HeightMinimumPlots);
        Assert.False(moved);
        Assert.Equal(Q31x32.FromInteger(2000), height);
    }

    [Fact]
    public void Observe_PlotOlderThanTheLast_IsIgnored()
    {
        var (bank, plane, configuration) = NewBank();
        Feed(bank, plane, configuration, heightMetres: 8000, abeamMetres: 2000, fromEastMetres: -10_000, toEastMetres: 0, seed: 7, startMicroseconds: 0);
        int plots = bank.Plots;
        long cost = bank.CostOf(8);

        bool observed = Observe(bank, plane, configuration, 1_000_000, 9000, 0.1, 4000);

        Assert.False(observed);
        Assert.Equal(plots, bank.Plots);
        Assert.Equal(cost, bank.CostOf(8));
    }

    [Fact]
    public void CostAt_AtACandidate_IsThatCandidatesCost()
    {
        var (bank, plane, configuration) = NewBank();
        Feed(bank, plane, configuration, heightMetres: 7000, abeamMetres: 12_000, fromEastMetres: -20_000, toEastMetres: 0, seed: 8);

        for (int k = 0; k < bank.Count; k++)
        {
            Assert.InRange(bank.CostAt(bank.HeightOf(k)) - bank.CostOf(k), -4, 4);
        }
    }

    [Fact]
    public void Start_ThirteenCandidatesOverTwelveKilometres_OneEveryKilometre()
    {
        var bank = new HeightHypotheses();

        bank.Start(0, Q31x32.FromInteger(12_000), 13);

        Assert.Equal(13, bank.Count);
        Assert.Equal(Q31x32.FromInteger(1000), bank.Spacing);
        Assert.Equal(Q31x32.FromInteger(7000), bank.HeightOf(7));
        Assert.Equal(7, bank.Nearest(Q31x32.FromInteger(7400)));
        Assert.Equal(12, bank.Nearest(Q31x32.FromInteger(20_000)));
    }

    private void Print(HeightHypotheses bank)
    {
        for (int k = 0; k < bank.Count; k++)
        {
            output.WriteLine($"{bank.HeightOf(k) / (double)Q31x32.One,8:F0} m cost {bank.CostOf(k) / (double)Q31x32.One,8:F2}");
        }
    }

    private static (HeightHypotheses Bank, MastPlane Plane, TrackerConfiguration Configuration) NewBank()
    {
        int saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(265_000_000, ref saturations));
        var configuration = new TrackerConfiguration();
        var bank = new HeightHypotheses();
        bank.Start(Q31x32.FromInteger(configuration.AssumedLowestHeightMetres), Q31x32.FromInteger(configuration.AssumedHighestHeightMetres), configuration.HeightCandidateCount);
        return (bank, plane, configuration);
    }

    // Plots every 4 s of a straight level flight along +east at abeamMetres north of the radar,
    // with Gaussian range and azimuth noise from a seeded generator (deterministic); the bank is
    // told the radar's own sigmas whatever noise the plots carry.
    private static int Feed(HeightHypotheses bank, MastPlane plane, TrackerConfiguration configuration, double heightMetres, double abeamMetres, double fromEastMetres, double toEastMetres, int seed, double speed = 230, long startMicroseconds = 1_000_000_000, double azimuthNoiseDegrees = SigmaAzimuthDegrees)
    {
        var random = new Random(seed);
        int plots = 0;
        for (double east = fromEastMetres; east <= toEastMetres; east += speed * 4)
        {
            double ground = Math.Sqrt((east * east) + (abeamMetres * abeamMetres));
            double a = EarthRadiusMetres + RadarHeightMetres;
            double b = EarthRadiusMetres + heightMetres;
            double slant = Math.Sqrt((a * a) + (b * b) - (2 * a * b * Math.Cos(ground / EarthRadiusMetres)));
            double azimuth = Math.Atan2(east, abeamMetres);
            slant += SigmaRangeMetres * TrackerScene.Gaussian(random);
            azimuth += azimuthNoiseDegrees * Math.PI / 180 * TrackerScene.Gaussian(random);
            long time = startMicroseconds + (long)Math.Round((east - fromEastMetres) / speed * 1e6);
            Observe(bank, plane, configuration, time, slant, azimuth, ground);
            plots++;
        }

        return plots;
    }

    private static bool Observe(HeightHypotheses bank, MastPlane plane, TrackerConfiguration configuration, long time, double slantMetres, double azimuthRadians, double groundMetres)
    {
        int saturations = 0;
        long sine = (long)Math.Round(Math.Sin(azimuthRadians) * Q2x61.One);
        long cosine = (long)Math.Round(Math.Cos(azimuthRadians) * Q2x61.One);
        long rangeVariance = (long)Math.Round(SigmaRangeMetres * SigmaRangeMetres * Q39x24.One);
        double cross = groundMetres * SigmaAzimuthDegrees * Math.PI / 180;
        long crossVariance = (long)Math.Round(cross * cross * Q39x24.One);
        _ = saturations;
        return bank.Observe(plane, configuration, time, 0, 0, Q31x32.FromInteger((int)RadarHeightMetres), (long)Math.Round(slantMetres * Q31x32.One), sine, cosine, rangeVariance, crossVariance, (long)Math.Round(groundMetres * Q31x32.One));
    }

}
