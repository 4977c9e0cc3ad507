using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Picket.Gateway.Configuration;
using Picket.Gateway.Gpio;
using Picket.Gateway.Health;
using Picket.Gateway.Inputs;
using Picket.Gateway.Tracking;
using Picket.Testing;

namespace Picket.Gateway.Hosting;

/// <summary>
/// A GNSS-only site (no <c>Site:*</c>) waits for a good enough fix before the tracker starts and
/// says so in health; a configured site far from a good fix is reported and still used. Real
/// parts: socat pseudo-terminals carrying NMEA, a real gpsd, the runtime with a real outbox and
/// status file. Expected positions from the sentences: 48.1173°, 11.5166667°, height above the
/// ellipsoid 545.4 + 46.9 = 592.3 m.
/// </summary>
public sealed class GatewayRuntimeGnssSiteTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [GpsdFact]
    public async Task GnssOnlySite_Gpsd_WaitsForAGoodFixThenPlacesTheMast()
    {
        using var link = new SocatLink();
        using var feeder = new NmeaFeeder(link.SenderPath, NmeaSentences.NoFix());
        using var gpsd = new GpsdProcess(link.DevicePath);
        await WaitsThenPlaces(gpsd.Spec, feeder);
    }

    [SocatFact]
    public async Task GnssOnlySite_NmeaReceiver_WaitsForAGoodFixThenPlacesTheMast()
    {
        using var link = new SocatLink();
        using var feeder = new NmeaFeeder(link.SenderPath, NmeaSentences.NoFix());
        await WaitsThenPlaces($"nmea:serial:{link.DevicePath}:9600", feeder);
    }

    [SocatFact]
    public async Task ConfiguredSite_AKilometreFromAGoodFix_ReportedAndTheConfiguredSiteUsed()
    {
        using var link = new SocatLink();
        using var feeder = new NmeaFeeder(link.SenderPath, NmeaSentences.Fix("0.5"));
        // 0.009° north of the fix: 0.009 × π/180 × 6,371,008.8 m = 1,000.8 m away.
        var configured = new GeoSite(48.1263, 11.516666667, 600);
        var settings = Settings($"nmea:serial:{link.DevicePath}:9600", configured);
        using var runtime = GatewayRuntime.Create(settings, "test", NullLoggerFactory.Instance, TimeProvider.System);
        runtime.Start();
        await WaitFor(() => runtime.LatestHealth?.Position is { DisagreementMetres: not null }, "the GNSS fix compared with the configured site");

        var position = runtime.LatestHealth!.Position!;
        Assert.Equal("configured", position.Source);
        Assert.True(position.Disagrees);
        Assert.Equal(1_000.8, position.DisagreementMetres!.Value, 0);
        Assert.Equal(configured, runtime.Site);
        await runtime.StopAsync();
        var status = StatusFile.Read(settings.StatusPath);
        Assert.True(status.Position!.Disagrees);
        Assert.Equal(48.1263, status.Position.LatitudeDegrees);
    }

    private async Task WaitsThenPlaces(string gnssInput, NmeaFeeder feeder)
    {
        var settings = Settings(gnssInput, site: null);
        using var runtime = GatewayRuntime.Create(settings, "test", NullLoggerFactory.Instance, TimeProvider.System);
        runtime.Start();

        // No fix: waiting, said in health and the status file; nothing else runs.
        await WaitFor(() => runtime.LatestHealth?.Position is { WaitingForGnss: true, GnssFixProblem: "no GNSS fix" }, "the status to say it waits for a fix");
        Assert.Null(runtime.Pipeline);
        Assert.Equal(LedState.NoInput, runtime.LedState);
        Assert.True(StatusFile.Read(settings.StatusPath).Position!.WaitingForGnss);

        // A 3-D fix but HDOP 9.9: 9.9 × 19 m = 188 m (gpsd's own estimate alike) > 50 m: still waiting.
        feeder.Sentences = NmeaSentences.Fix("9.9", "123521.00");
        await WaitFor(() => runtime.LatestHealth?.Position?.GnssFixProblem?.StartsWith("horizontal error", StringComparison.Ordinal) == true, "the status to name the horizontal error");
        Assert.Null(runtime.Pipeline);

        // HDOP 0.9: 17.1 m, good enough: the mast is placed and the tracker starts.
        feeder.Sentences = NmeaSentences.Fix("0.9", "123525.00");
        await WaitFor(() => runtime.Pipeline is not null, "the mast to be placed");
        var site = runtime.Site!;
        Assert.Equal(48.1173, site.LatitudeDegrees, 7);
        Assert.Equal(11.5166667, site.LongitudeDegrees, 7);
        Assert.Equal(592.3, site.HeightMetres, 3);
        await WaitFor(() => runtime.LatestHealth?.Position is { WaitingForGnss: false }, "health from the running pipeline");
        var position = runtime.LatestHealth!.Position!;
        Assert.Equal("gnss", position.Source);
        Assert.Equal(48.1173, position.LatitudeDegrees!.Value, 7);
        Assert.Null(position.DisagreementMetres);
        await runtime.StopAsync();
        Assert.False(StatusFile.Read(settings.StatusPath).Position!.WaitingForGnss);
    }

    private GatewaySettings Settings(string gnssInput, GeoSite? site) => new()
    {
        GatewayId = "mast-gnss",
        Site = site,
        GnssInput = gnssInput,
        // An input nobody serves: the site logic does not need frames.
        Inputs = ["beast:tcp:127.0.0.1:9"],
        OutboxPath = Path.Combine(_directory.Path, "outbox.db"),
        StatusPath = Path.Combine(_directory.Path, "status.json"),
        HealthInterval = TimeSpan.FromSeconds(1),
        TrustSystemClock = true,
        GnssFixRequirement = new GnssFixRequirement(Require3d: true, MaxHorizontalErrorMillimetres: 50_000),
        MaxSiteDisagreementMetres = 100,
    };

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
