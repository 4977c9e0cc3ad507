using Picket.Publishing;

namespace Picket.Tracking.Registration;

/// <summary>
/// The tracker's radar registration on scripted skies whose radar has a known bias and noise
/// (the truth), while the plots tell the tracker another noise: what it learns is checked
/// against the truth the plots were drawn with.
/// </summary>
public class TrackerRegistrationTests
{
    [Fact]
    public void AddRadar_AdsbAircraftSeenByABiasedNoisyRadar_LearnsBiasAndNoise()
    {
        // Truth: azimuth bias +0.2°, azimuth noise 0.15°, range noise 60 m; the plots claim
        // 50 m / 0.1°. The scripted scene's own geometry (a sphere for the plots, the ellipsoid
        // for ADS-B) disagrees by a few hundredths of a degree and some tens of metres, so the
        // same sky without radar errors is the baseline the injected errors are measured from.
        var baseline = Learn(0, 0, 0);
        var learned = Learn(0.2, 0.15, 60);

        Assert.True(learned.HasEstimate(0));
        Assert.InRange((learned.AzimuthBiasMicrodegrees(0) - baseline.AzimuthBiasMicrodegrees(0)) / 1e6, 0.17, 0.23);
        Assert.InRange((learned.RangeBiasMillimetres(0) - baseline.RangeBiasMillimetres(0)) / 1000.0, -20, 20);

        // Spreads add in quadrature with the baseline's (and the ADS-B positions' 25 m).
        var azimuthSigma = Math.Sqrt(Square(learned.AzimuthSigmaMicrodegrees(0) / 1e6) - Square(baseline.AzimuthSigmaMicrodegrees(0) / 1e6));
        var rangeSigma = Math.Sqrt(Square(learned.RangeSigmaMillimetres(0) / 1000.0) - Square(baseline.RangeSigmaMillimetres(0) / 1000.0));
        Assert.InRange(azimuthSigma, 0.12, 0.18);
        Assert.InRange(rangeSigma, 45, 75);
    }

    // Six ADS-B aircraft at FL300 (ISA: pressure altitude = geometric height) flying straight
    // 30-80 km from the radar, Mode S roll-call plots every 4 s for 10 min.
    private static RadarRegistration Learn(double azimuthBiasDegrees, double azimuthSigmaDegrees, double rangeSigmaMetres)
    {
        var random = new Random(8101);
        var scene = new TrackerScene();
        for (var t = 0; t <= 600; t++)
        {
            for (var aircraft = 0; aircraft < 6; aircraft++)
            {
                var (east, north) = Position(aircraft, t);
                scene.AdsbPosition(t + (0.1 * aircraft), 0x4B1800 + aircraft, east, north, altitudeFeet: 30_000);
                if (t % 4 == 0)
                {
                    scene.RadarPlot(t + 0.3 + (0.1 * aircraft), east, north, 30_000 * 0.3048, TrackerScene.Gaussian(random) * rangeSigmaMetres, azimuthBiasDegrees + (TrackerScene.Gaussian(random) * azimuthSigmaDegrees), 50_000, 100_000, icao: 0x4B1800 + aircraft, withModeC: false);
                }
            }
        }

        Assert.Equal(0, scene.Tracker.Counters.AdsbRadarDisagreements);
        return scene.Tracker.Registration;
    }

    private static double Square(double value) => value * value;

    [Fact]
    public void AddRadar_PrimaryTargetsWithNoisierRadarThanStated_InnovationsGiveTheRadarsNoise()
    {
        // Truth: azimuth noise 0.3°, range noise 20 m (3-D: height on the plot via Mode C off,
        // so only the azimuth is learned from innovations); the plots claim 50 m / 0.1°. Four
        // primary-only targets flying straight at 15-25 km for 15 min, a plot every 2 s.
        var random = new Random(8102);
        var scene = new TrackerScene();
        for (var scan = 0; scan <= 450; scan++)
        {
            var seconds = scan * 2.0;
            for (var target = 0; target < 4; target++)
            {
                var angle = target * Math.PI / 2;
                var east = (Math.Sin(angle) * 20_000) + (30.0 * seconds * Math.Cos(angle));
                var north = (Math.Cos(angle) * 20_000) - (30.0 * seconds * Math.Sin(angle));
                scene.RadarPlot(seconds + (0.1 * target), east, north, 300, TrackerScene.Gaussian(random) * 20, TrackerScene.Gaussian(random) * 0.3, 50_000, 100_000, withModeC: false);
            }
        }

        var registration = scene.Tracker.Registration;
        Assert.True(registration.HasInnovationEstimate(0));
        Assert.InRange(registration.InnovationAzimuthSigmaMicrodegrees(0) / 1e6, 0.22, 0.38);
        Assert.False(registration.HasEstimate(0));
    }

    [Fact]
    public void AddRadar_PrimaryTargetsWithQuieterRadarThanStated_PlotDifferencesGiveTheRadarsNoise()
    {
        // Truth: range noise 10 m, azimuth noise 0.3°; the plots claim the CLI's data sheet as it
        // was until the ninth session, 70 m / 0.08°. The range noise is over-stated: innovations cannot show it (the
        // prediction's variance is inflated with it). Four primary-only targets flying straight
        // at 15-25 km for 15 min, a plot every 2 s, every tenth plot missed.
        var random = new Random(8104);
        var scene = new TrackerScene();
        for (var scan = 0; scan <= 450; scan++)
        {
            var seconds = scan * 2.0;
            for (var target = 0; target < 4; target++)
            {
                if (random.Next(10) == 0)
                {
                    continue;
                }

                var angle = target * Math.PI / 2;
                var east = (Math.Sin(angle) * 20_000) + (30.0 * seconds * Math.Cos(angle));
                var north = (Math.Cos(angle) * 20_000) - (30.0 * seconds * Math.Sin(angle));
                scene.RadarPlot(seconds + (0.1 * target), east, north, 300, TrackerScene.Gaussian(random) * 10, TrackerScene.Gaussian(random) * 0.3, 70_000, 80_000, withModeC: false);
            }
        }

        var noise = scene.Tracker.NoiseFromDifferences;
        // The radar's 1/256 NM range quantum adds 2.1 m in quadrature (10.2 m); a window of 127
        // samples gives the sigma to about 10 % (one sigma).
        Assert.Equal(127, noise.RangeSamples(0));
        Assert.InRange(noise.RangeSigmaMillimetres(0) / 1000.0, 7, 13.5);
        Assert.InRange(noise.AzimuthSigmaMicrodegrees(0) / 1e6, 0.22, 0.38);
    }

    [Fact]
    public void AddRadar_SlowTargetsOnARadarToldTooTight_TentativeTracksThatMoveTeachTheNoise()
    {
        // Truth: range noise 10 m, azimuth noise 0.3° (a drone radar); the plots claim the CLI's
        // data sheet as it was until the ninth session, 70 m / 0.08°, an azimuth 3.75 times too tight. Four 12 m/s targets flying
        // at the radar from 15-18 km, a plot every second, for 40 s. Across the ray the plots
        // scatter 3.75 times wider than the gate expects, so the tentative tracks break and
        // start again; along it the told range is 7 times too loose, so a velocity this slow
        // along the ray is seldom significant before a track breaks. Tracks whose estimate has
        // stood 100 m from their first plot at two scans in a row teach the noise all the same.
        // The tracker keeps its 4 s default scan period, so a batch (at most 1 s) can hold one
        // target's plots of two seconds: SecondPlotMaximumSeparationMicroseconds keeps the later
        // one from starting a track of its own (without it the estimate read 0.136°).
        var random = new Random(8106);
        var scene = new TrackerScene();
        for (var scan = 0; scan <= 40; scan++)
        {
            for (var target = 0; target < 4; target++)
            {
                var angle = (target * Math.PI / 2) + 0.3;
                var radius = 15_000 + (target * 1_000);
                var east = Math.Sin(angle) * (radius - (12.0 * scan));
                var north = Math.Cos(angle) * (radius - (12.0 * scan));
                scene.RadarPlot(scan + (0.1 * target), east, north, 200, TrackerScene.Gaussian(random) * 10, TrackerScene.Gaussian(random) * 0.3, 70_000, 80_000, withModeC: false);
            }
        }

        var noise = scene.Tracker.NoiseFromDifferences;
        // Velocity-significant tracks alone gave 1 sample in these 40 s.
        Assert.True(noise.AzimuthSamples(0) >= noise.MinimumSamples, $"{noise.AzimuthSamples(0)} azimuth samples in 40 s");
        // The first estimate reads low (the too-tight gate keeps the plots that fell near the
        // prediction: 0.19° here), but it is more than twice the data sheet's, nearer the truth.
        Assert.InRange(noise.AzimuthSigmaMicrodegrees(0) / 1e6, 0.16, 0.45);
    }

    [Fact]
    public void AddRadar_PersistentStationaryReflectorAlone_TeachesNoNoise()
    {
        // A reflector returning a plot every 4 s with 20 m of jitter for 10 minutes: its
        // tentative track gathers every plot but never moves, and its jitter is the reflector's,
        // not the radar's noise on a target.
        var random = new Random(8105);
        var scene = new TrackerScene();
        for (var scan = 0; scan <= 150; scan++)
        {
            scene.RadarPlot(scan * 4.0, 10_600 + (TrackerScene.Gaussian(random) * 20), 10_600 + (TrackerScene.Gaussian(random) * 20), 100, withModeC: false);
        }

        Assert.Equal(0, scene.Tracker.NoiseFromDifferences.RangeSamples(0));
        Assert.Equal(0, scene.Tracker.NoiseFromDifferences.AzimuthSamples(0));
    }

    [Fact]
    public void AddRadar_PersistentStationaryReflector_NeverConfirmedWhileAMovingTargetIs()
    {
        // A reflector 15 km north-east returning a plot every 4 s with 40 m of jitter for
        // 10 minutes, and a target at 15 m/s 20 km south: only the target is confirmed.
        var random = new Random(8103);
        var scene = new TrackerScene();
        for (var scan = 0; scan <= 150; scan++)
        {
            var seconds = scan * 4.0;
            scene.RadarPlot(seconds, 10_600 + (TrackerScene.Gaussian(random) * 40), 10_600 + (TrackerScene.Gaussian(random) * 40), 100, withModeC: false);
            scene.RadarPlot(seconds + 1, -5_000 + (15.0 * seconds), -20_000, 300, withModeC: false);
        }

        scene.Tracker.AdvanceTo(TrackerScene.At(602));
        var confirmed = scene.Reports.Where(r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting).ToList();
        Assert.NotEmpty(confirmed);
        Assert.All(confirmed, r => Assert.True(TrackerScene.ToLocal(r.LatitudeE7, r.LongitudeE7).North < -15_000, "only the moving target is confirmed"));
    }

    private static (double East, double North) Position(int aircraft, double t)
    {
        var angle = aircraft * Math.PI / 3;
        var radius = 30_000 + (aircraft * 10_000);
        return ((Math.Sin(angle) * radius) + (220 * t * Math.Cos(angle)) - 60_000 * Math.Cos(angle), (Math.Cos(angle) * radius) - (220 * t * Math.Sin(angle)) + 60_000 * Math.Sin(angle));
    }
}
