using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// The gpsd source against a real gpsd reading NMEA from a socat pseudo-terminal. Expected values
/// from the sentences themselves: 48°07.038' N = 48.1173°, 11°31.000' E = 11.5166667°, 545.4 m
/// above mean sea level, geoid separation 46.9 m, RMC 2026-12-03 12:35:19 UTC.
/// </summary>
public sealed class GpsdClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("gpsd", "127.0.0.1", 2947)]
    [InlineData("gpsd:mast-gnss", "mast-gnss", 2947)]
    [InlineData("gpsd:10.0.0.5:2948", "10.0.0.5", 2948)]
    [InlineData("gpsd:[::1]:2949", "::1", 2949)]
    public void TryParse_Valid(string text, string host, int port)
    {
        Assert.True(GpsdClient.TryParse(text, out var parsedHost, out var parsedPort, out var error), error);
        Assert.Equal((host, port), (parsedHost, parsedPort));
    }

    [Theory]
    [InlineData("gpsd:", "the host is empty")]
    [InlineData("gpsd:h:0", "port '0' is not a whole number")]
    [InlineData("gpsd:[::1", "an IPv6 host goes in brackets")]
    [InlineData("gpsdx", "is not a gpsd source")]
    public void TryParse_Invalid_SaysWhy(string text, string reason)
    {
        Assert.False(GpsdClient.TryParse(text, out _, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [GpsdFact]
    public void RealGpsd_TpvGivesTheFixTimeAndClockState()
    {
        using var link = new SocatLink();
        using var feeder = new NmeaFeeder(link.SenderPath, NmeaSentences.Fix("0.9"));
        using var gpsd = new GpsdProcess(link.DevicePath);
        var clock = new GatewayClock(TimeProvider.System, new UnsynchronizedProbe());
        using var client = new GpsdClient(gpsd.Spec, clock);
        client.StartReading();

        Assert.True(InputTestRig.WaitFor(() => client.Snapshot() is { Dimensions: 3, ReceiverUnixMicroseconds: > 0 }, Patience), $"no 3-D fix with time from gpsd: {client.Snapshot()} {client.LastError}");
        var status = client.Snapshot();
        Assert.True(client.Connected);
        Assert.Equal(GnssFixQuality.Gnss, status.Fix);
        Assert.Equal(481_173_000, status.LatitudeE7);
        Assert.Equal(115_166_667, status.LongitudeE7);
        Assert.Equal(545_400, status.AltitudeMillimetres);
        Assert.Equal(46_900, status.GeoidSeparationMillimetres);
        Assert.True(status.HorizontalErrorMillimetres > 0, "gpsd gave no eph");
        Assert.Equal(NmeaSentences.RmcUnixMicroseconds, status.ReceiverUnixMicroseconds);
        Assert.Equal(ClockState.Gnss, clock.State);
        Assert.Equal(0, status.BadSentences);

        // The receiver loses its fix: gpsd reports mode 1, and the source says so.
        feeder.Sentences = NmeaSentences.NoFix();
        Assert.True(InputTestRig.WaitFor(() => client.Snapshot().Fix == GnssFixQuality.None, Patience), "the fix was never reported lost");
        Assert.Equal(0, client.Snapshot().Dimensions);
    }

    [GpsdFact]
    public void GpsdGoesAway_DisconnectedWithTheReason()
    {
        using var link = new SocatLink();
        using var feeder = new NmeaFeeder(link.SenderPath, NmeaSentences.Fix("0.9"));
        var clock = new GatewayClock(TimeProvider.System, new UnsynchronizedProbe());
        var gpsd = new GpsdProcess(link.DevicePath);
        using var client = new GpsdClient(gpsd.Spec, clock);
        try
        {
            client.StartReading();
            Assert.True(InputTestRig.WaitFor(() => client.Connected, Patience));
        }
        finally
        {
            gpsd.Dispose();
        }

        Assert.True(InputTestRig.WaitFor(() => !client.Connected && client.LastError is not null, Patience), "a killed gpsd was not noticed");
        Assert.Contains("gpsd 127.0.0.1:", client.LastError, StringComparison.Ordinal);
    }

    private sealed class UnsynchronizedProbe : INtpStatusProbe
    {
        public bool IsSynchronized() => false;
    }
}
