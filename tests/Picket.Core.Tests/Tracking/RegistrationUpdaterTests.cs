using Picket.Geodesy;
using Picket.Numerics;
using Picket.Radar;

namespace Picket.Tracking;

/// <summary>
/// The registration role's correction of a plot alone: until a radar has its minimum of ADS-B
/// residuals the plot is left as measured; then the learned bias is removed (azimuth wrapped into
/// one turn) and the learned sigmas, never below the configured floors, replace the plot's.
/// The registration is fed a constant residual here (100 m, 0.1°), so bias = residual and spread = 0.
/// </summary>
public class RegistrationUpdaterTests
{
    private const int Sensor = 0x0102;

    [Fact]
    public void CorrectPlot_BeforeTheMinimumSamples_PlotAsMeasured()
    {
        var (updater, plots, slot) = Role(new TrackerConfiguration());
        Learn(updater, slot, 29);
        plots[0] = Plot(50_000_000, 45_000_000);

        updater.CorrectPlot(0);

        Assert.Equal(50_000_000, plots[0].RangeMillimetres);
        Assert.Equal(45_000_000, plots[0].AzimuthMicrodegrees);
        Assert.Equal(70_000, plots[0].SigmaRangeMillimetres);
        Assert.Equal(80_000, plots[0].SigmaAzimuthMicrodegrees);
    }

    [Theory]
    [InlineData(50_000_000, 45_000_000, 49_900_000, 44_900_000)]
    [InlineData(50_000_000, 50_000, 49_900_000, 359_950_000)] // 0.05° - 0.1° wraps to 359.95°
    public void CorrectPlot_WithAnEstimate_BiasRemovedAndSigmasAtTheFloors(long range, int azimuth, long correctedRange, int correctedAzimuth)
    {
        var (updater, plots, slot) = Role(new TrackerConfiguration());
        Learn(updater, slot, 30);
        plots[0] = Plot(range, azimuth);

        updater.CorrectPlot(0);

        Assert.Equal(correctedRange, plots[0].RangeMillimetres);
        Assert.Equal(correctedAzimuth, plots[0].AzimuthMicrodegrees);

        // A constant residual has no spread: the floors, 10 m and 0.01°.
        Assert.Equal(10_000, plots[0].SigmaRangeMillimetres);
        Assert.Equal(10_000, plots[0].SigmaAzimuthMicrodegrees);
    }

    [Fact]
    public void CorrectPlot_NoAdsbReferenceButPlotDifferences_TheirSigmasAndNoBias()
    {
        var (updater, plots, slot) = Role(new TrackerConfiguration());
        for (var i = 0; i < 31; i++)
        {
            updater.Differences.ObserveRange(slot, (i % 2 == 0 ? 1 : -1) * 20_000);
            updater.Differences.ObserveAzimuth(slot, 200_000);
        }

        plots[0] = Plot(50_000_000, 45_000_000);

        updater.CorrectPlot(0);

        // Trimmed mean square over 0.437725: 20 m → 30.23 m, 0.2° → 0.3023°; nothing removed.
        Assert.Equal(50_000_000, plots[0].RangeMillimetres);
        Assert.Equal(45_000_000, plots[0].AzimuthMicrodegrees);
        Assert.InRange(plots[0].SigmaRangeMillimetres, 30_229, 30_230);
        Assert.InRange(plots[0].SigmaAzimuthMicrodegrees, 302_293, 302_294);
    }

    [Fact]
    public void CorrectPlot_PlotDifferencesAndInnovations_TheDifferencesWin()
    {
        // Both estimates ready: innovations say 50 m and 0.05° (ν² − P of 2,500 m² and 0.0025°²
        // every sample), plot differences 20 m and 0.2° as above: the differences are used on
        // both axes (innovations read low when the plots' own noise is over-stated).
        var (updater, plots, slot) = Role(new TrackerConfiguration());
        for (var i = 0; i < 30; i++)
        {
            Assert.True(updater.Registration.ObserveInnovation(slot, 2_500_000_000, 2_500_000_000));
        }

        for (var i = 0; i < 31; i++)
        {
            updater.Differences.ObserveRange(slot, 20_000);
            updater.Differences.ObserveAzimuth(slot, 200_000);
        }

        plots[0] = Plot(50_000_000, 45_000_000);

        updater.CorrectPlot(0);

        Assert.True(updater.Registration.HasInnovationEstimate(slot));
        Assert.InRange(plots[0].SigmaRangeMillimetres, 30_229, 30_230);
        Assert.InRange(plots[0].SigmaAzimuthMicrodegrees, 302_293, 302_294);
    }

    [Fact]
    public void CorrectPlot_RegistrationOff_PlotAsMeasured()
    {
        var (updater, plots, slot) = Role(new TrackerConfiguration { RadarRegistration = false });
        Learn(updater, slot, 30);
        plots[0] = Plot(50_000_000, 45_000_000);

        updater.CorrectPlot(0);

        Assert.Equal(50_000_000, plots[0].RangeMillimetres);
        Assert.Equal(45_000_000, plots[0].AzimuthMicrodegrees);
    }

    private static (RegistrationUpdater Updater, RadarMeasurement[] Plots, int Slot) Role(TrackerConfiguration configuration)
    {
        var saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(595_000_000, ref saturations), Q2x61.FromDegreesE7(250_000_000, ref saturations));
        var sites = new RadarSiteTable(configuration.RadarCapacity);
        var plots = new RadarMeasurement[configuration.PlotsPerBatch];
        var geometry = new PlotGeometry[configuration.PlotsPerBatch];
        var updater = new RegistrationUpdater(configuration, plane, sites, plots, geometry, new Filter.TrackFilter(), new Registration.AdsbLatency(10, 20_000, 20_000, 3, 1_000_000), new TrackerCounters());
        return (updater, plots, sites.SlotOf(Sensor));
    }

    // Residuals of +100 m and +0.1° against an ADS-B reference.
    private static void Learn(RegistrationUpdater updater, int slot, int samples)
    {
        for (var i = 0; i < samples; i++)
        {
            Assert.True(updater.Registration.Observe(slot, 40_100_000 + (i * 1_000), 10_100_000, 40_000_000 + (i * 1_000), 10_000_000));
        }
    }

    private static RadarMeasurement Plot(long rangeMillimetres, int azimuthMicrodegrees) => new()
    {
        SensorId = Sensor,
        RangeMillimetres = rangeMillimetres,
        AzimuthMicrodegrees = azimuthMicrodegrees,
        SigmaRangeMillimetres = 70_000,
        SigmaAzimuthMicrodegrees = 80_000,
    };
}
