using Picket.Publishing;

namespace Picket.Tracking.Registration;

/// <summary>
/// The ADS-B latency learned from radar plots: alone, on residuals drawn in double precision for
/// aircraft flying every way around a radar whose noise is known; then in the whole tracker, where
/// a lagging transponder's track catches up with the aircraft. The truth is the lag the positions
/// were drawn with, never a figure the estimator produced.
/// </summary>
public class AdsbLatencyTests
{
    private const double RangeSigma = 60;
    private const double AzimuthSigmaDegrees = 0.12;

    [Theory]
    [InlineData(0.3, 285, 315)]
    [InlineData(0.15, 135, 165)]
    [InlineData(0.0, 0, 0)]
    public void Observe_AircraftFlyingEveryWayWithLaggingPositions_LearnsTheLag(double lagSeconds, long lowestMilliseconds, long highestMilliseconds)
    {
        var latency = new AdsbLatency(10, 20_000, 20_000, 3, 1_000_000);
        var random = new Random(2026);
        for (var plot = 0; plot < 3_000; plot++)
        {
            Observe(latency, random, lagSeconds);
        }

        Assert.True(latency.HasEstimate);
        Assert.InRange(latency.Microseconds / 1000, lowestMilliseconds, highestMilliseconds);
        Assert.Equal(0, latency.TakeSaturations());
    }

    [Fact]
    public void Observe_EstimateJustPreciseEnoughButWithinThreeSigmas_NothingApplied()
    {
        // A 40 ms lag: as soon as the estimate's sigma is within 20 ms it is used, but a value
        // under three of its sigmas may be the noise of an estimate still converging; later,
        // with the information of the last 1,024 plots (the forgetting) and a sigma about 10 ms,
        // the same lag is applied.
        var latency = new AdsbLatency(10, 20_000, 20_000, 3, 1_000_000);
        var random = new Random(40);
        while (!latency.HasEstimate)
        {
            Observe(latency, random, 0.04);
        }

        Assert.InRange(latency.SigmaMicroseconds, 10_000, 20_000);
        Assert.Equal(0, latency.Microseconds);
        for (var plot = 0; plot < 3_000; plot++)
        {
            Observe(latency, random, 0.04);
        }

        Assert.True(latency.SigmaMicroseconds < 12_000, $"sigma {latency.SigmaMicroseconds} µs");
        Assert.InRange(latency.Microseconds / 1000, 25, 55);
    }

    [Fact]
    public void Observe_FewPlots_NoEstimateAndNothingApplied()
    {
        var latency = new AdsbLatency(10, 20_000, 20_000, 3, 1_000_000);
        var random = new Random(7);
        for (var plot = 0; plot < 5; plot++)
        {
            Observe(latency, random, 0.3);
        }

        Assert.False(latency.HasEstimate);
        Assert.Equal(0, latency.Microseconds);
    }

    [Theory]
    [InlineData(true, 0, 25)]
    [InlineData(false, 70, double.PositiveInfinity)]
    public void AddModeS_PositionsLagging400MillisecondsBesideAModeSRadar_TheTracksCatchUp(bool estimate, double lowestError, double highestError)
    {
        // Six aircraft at 230 m/s, every heading, 30-60 km from the radar; their transponders send
        // where they were 0.4 s before (1 Hz); the radar sees them where they are every 4 s (σ 60 m,
        // 0.12°). The last five minutes' reports of the ADS-B tracks, against the truth at each
        // report's time.
        var scene = new TrackerScene(new TrackerConfiguration { AdsbLatencyEstimate = estimate });
        var random = new Random(400);
        for (var t = 0; t <= 600; t++)
        {
            FeedSecond(scene, random, t);
        }

        var errors = ConfirmedErrors(scene, 300, 601);
        var rms = Math.Sqrt(errors.Average(e => e * e));
        Assert.True(rms >= lowestError && rms <= highestError, $"RMS error {rms:F1} m over {errors.Count} reports; learned {scene.Tracker.AdsbLatency.Microseconds / 1000} ms");
        if (estimate)
        {
            Assert.InRange(scene.Tracker.AdsbLatency.Microseconds / 1000, 350, 450);
        }
    }

    [Theory]
    [InlineData(true, 0, 10)]
    [InlineData(false, 15, double.PositiveInfinity)]
    public void AddModeS_LatencyFirstApplied_TracksMoveToTheirAircraftAtOnce(bool moveTracks, double lowestError, double highestError)
    {
        // The scene above: positions 0.4 s late, 92 m behind each aircraft. Until the latency is
        // learned the tracks sit that far behind. The reports of the 1.5 s after it is first
        // applied (each aircraft's next position or two), against the truth at each report's
        // time: moved, a track is on its aircraft from its next position; unmoved, its filter
        // still drags it behind (22 m RMS here; 13 m over the ten seconds after).
        // The latency is applied once its sigma is 20 ms, some three minutes in, when the tracks'
        // filters have long settled: what is measured is the move, not a young filter.
        var scene = new TrackerScene(new TrackerConfiguration { AdsbLatencyMovesTracks = moveTracks, AdsbLatencyMaximumSigmaMicroseconds = 20_000 });
        var random = new Random(400);
        double? applied = null;
        for (var t = 0; t <= 300 && (applied is null || t <= applied + 12); t++)
        {
            var appliedThisSecond = FeedSecond(scene, random, t);
            applied ??= appliedThisSecond;
        }

        Assert.NotNull(applied);
        var errors = ConfirmedErrors(scene, applied.Value, applied.Value + 1.5);
        var rms = Math.Sqrt(errors.Average(e => e * e));
        Assert.True(errors.Count >= 6 && rms >= lowestError && rms <= highestError, $"RMS error {rms:F1} m over {errors.Count} reports from {applied:F1} s; latency {scene.Tracker.AdsbLatency.Microseconds / 1000} ms");
    }

    // The distance of each confirmed report from its aircraft's truth at the report's time, for
    // reports from one second to another.
    private static List<double> ConfirmedErrors(TrackerScene scene, double fromSeconds, double toSeconds) => scene.Reports
        .Where(r => r.Status == TrackStatus.Confirmed && r.TimeUnixMicroseconds >= TrackerScene.At(fromSeconds) && r.TimeUnixMicroseconds <= TrackerScene.At(toSeconds))
        .Select(r =>
        {
            var seconds = (r.TimeUnixMicroseconds - TrackerScene.StartMicroseconds) / 1e6;
            var (east, north) = Position(r.IcaoAddress - 0x4B1900, seconds);
            return TrackerScene.Distance(r, east, north);
        })
        .ToList();

    // Second t of the six aircraft: each one's position 0.4 s late (1 Hz) and, every 4 s, a plot of
    // it where it is. Returns the time of the plot after which the tracker first applied a
    // latency this second, else null.
    private static double? FeedSecond(TrackerScene scene, Random random, int t)
    {
        double? applied = null;
        for (var aircraft = 0; aircraft < 6; aircraft++)
        {
            var (east, north) = Position(aircraft, t - 0.4 + (0.1 * aircraft));
            scene.AdsbPosition(t + (0.1 * aircraft), 0x4B1900 + aircraft, east, north, altitudeFeet: 30_000);
            if (t % 4 == 0)
            {
                var seconds = t + 0.35 + (0.1 * aircraft);
                (east, north) = Position(aircraft, seconds);
                scene.RadarPlot(seconds, east, north, 30_000 * 0.3048, TrackerScene.Gaussian(random) * RangeSigma, TrackerScene.Gaussian(random) * AzimuthSigmaDegrees, 60_000, 120_000, icao: 0x4B1900 + aircraft, withModeC: false);
                applied ??= scene.Tracker.AdsbLatency.Microseconds > 0 ? seconds : null;
            }
        }

        return applied;
    }

    // One plot of an aircraft somewhere 20-150 km from the radar, flying any way at 150-300 m/s:
    // the reference is where its lagging ADS-B puts it, the plot where the radar sees it.
    private static void Observe(AdsbLatency latency, Random random, double lagSeconds)
    {
        var range = 20_000 + (random.NextDouble() * 130_000);
        var bearing = random.NextDouble() * 2 * Math.PI;
        var heading = random.NextDouble() * 2 * Math.PI;
        var speed = 150 + (random.NextDouble() * 150);
        double east = range * Math.Sin(bearing), north = range * Math.Cos(bearing);
        double velocityEast = speed * Math.Sin(heading), velocityNorth = speed * Math.Cos(heading);
        double referenceEast = east - (lagSeconds * velocityEast), referenceNorth = north - (lagSeconds * velocityNorth);
        var referenceRange = Math.Sqrt((referenceEast * referenceEast) + (referenceNorth * referenceNorth));
        var measuredRange = range + (TrackerScene.Gaussian(random) * RangeSigma);
        var measuredAzimuth = Degrees(Math.Atan2(east, north)) + (TrackerScene.Gaussian(random) * AzimuthSigmaDegrees);
        var azimuthResidual = measuredAzimuth - Degrees(Math.Atan2(referenceEast, referenceNorth));
        azimuthResidual = azimuthResidual > 180 ? azimuthResidual - 360 : azimuthResidual < -180 ? azimuthResidual + 360 : azimuthResidual;
        var crossSigma = range * AzimuthSigmaDegrees * Math.PI / 180;
        latency.Observe(
            Q32(measuredRange - referenceRange),
            (long)Math.Round(azimuthResidual * 1e6),
            Q32(referenceEast),
            Q32(referenceNorth),
            Q32(velocityEast),
            Q32(velocityNorth),
            (long)Math.Round(RangeSigma * RangeSigma * 16_777_216.0),
            (long)Math.Round(crossSigma * crossSigma * 16_777_216.0));
    }

    // Aircraft a: heading 60a° at 230 m/s, passing 30 + 5a km from the radar at 300 s.
    private static (double East, double North) Position(int aircraft, double seconds)
    {
        var heading = aircraft * Math.PI / 3;
        var offset = 30_000 + (5_000 * aircraft);
        var along = 230 * (seconds - 300);
        return ((offset * Math.Cos(heading)) + (along * Math.Sin(heading)), (-offset * Math.Sin(heading)) + (along * Math.Cos(heading)));
    }

    private static long Q32(double value) => (long)Math.Round(value * 4_294_967_296.0);

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
