namespace Picket.Zones;

public class ZoneHysteresisTests
{
    // A 20 km square, in mm.
    private static readonly ZoneGeometry Square = new(
        [0, 20_000_000, 20_000_000, 0],
        [0, 0, 20_000_000, 20_000_000],
        [0]);

    [Fact]
    public void Update_StraightCrossingAt250MetresPerSecond_EntersAndExitsAtTheSecondSampleBeyondTheMargin()
    {
        var hysteresis = new ZoneHysteresis(marginMillimetres: 200_000, dwellSamples: 2);
        var occupancy = default(ZoneOccupancy);
        var events = new List<(ZoneTransition Transition, int Second, long Duration)>();

        // Truth: east(t) = -5000 m + 250 m/s × t, north 10 km; sampled once a second.
        for (int second = 0; second <= 120; second++)
        {
            long east = (-5_000 + 250 * second) * 1000L;
            var transition = hysteresis.Update(ref occupancy, Square, east, 10_000_000, second * 1_000_000L, out long duration);
            if (transition != ZoneTransition.None)
            {
                events.Add((transition, second, duration));
            }
        }

        // Beyond the 200 m margin from t = 20.8 s (inside) and t = 100.8 s (outside); the second
        // such sample decides: 22 s and 102 s, a stay of 80 s.
        Assert.Equal([(ZoneTransition.Enter, 22, 0L), (ZoneTransition.Exit, 102, 80_000_000L)], events);
    }

    [Fact]
    public void Update_NoisyTrackAlongTheBoundary_DoesNotFlapWithHysteresisButDoesWithout()
    {
        var random = new Random(9);
        var withHysteresis = new ZoneHysteresis(marginMillimetres: 200_000, dwellSamples: 2);
        var without = new ZoneHysteresis(marginMillimetres: 0, dwellSamples: 1);
        var guarded = default(ZoneOccupancy);
        var naive = default(ZoneOccupancy);
        int guardedEvents = 0, naiveEvents = 0;

        // Flies north along the west edge (east = 0) with 50 m (one sigma) estimate noise.
        for (int second = 0; second < 80; second++)
        {
            long east = (long)Math.Round(NextGaussian(random) * 50_000);
            long north = second * 250_000L;
            long time = second * 1_000_000L;
            guardedEvents += withHysteresis.Update(ref guarded, Square, east, north, time, out _) == ZoneTransition.None ? 0 : 1;
            naiveEvents += without.Update(ref naive, Square, east, north, time, out _) == ZoneTransition.None ? 0 : 1;
        }

        Assert.Equal(0, guardedEvents);
        Assert.True(naiveEvents > 10, $"the bare point-in-polygon test flapped only {naiveEvents} times");
    }

    [Fact]
    public void Update_ExcursionShorterThanTheDwell_RaisesNothing()
    {
        var hysteresis = new ZoneHysteresis(marginMillimetres: 100_000, dwellSamples: 3);
        var occupancy = default(ZoneOccupancy);
        long[] eastSamples = [-5_000_000, 1_000_000, 1_000_000, -5_000_000, 1_000_000, -5_000_000];
        for (int i = 0; i < eastSamples.Length; i++)
        {
            Assert.Equal(ZoneTransition.None, hysteresis.Update(ref occupancy, Square, eastSamples[i], 10_000_000, i * 1_000_000L, out _));
        }

        Assert.False(occupancy.Inside);
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
