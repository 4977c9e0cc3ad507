using System.Text;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

public sealed class GnssReceiverTests
{
    // The classic GGA example of the NMEA references (checksum 47 verified by XOR by hand):
    // 48°07.038' N = 48.1173°, 11°31.000' E = 11.516667°, fix 1, 8 satellites, HDOP 0.9, 545.4 m.
    private const string Gga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n";

    // 2026-12-03 23:59:59.50 UTC at 59°42' N 30°36' E (59.7°, 30.6°); checksum 4C.
    private const string Rmc = "$GNRMC,235959.50,A,5942.000,N,03036.000,E,0.0,0.0,031226,,,A*4C\r\n";

    // The receiver lost its fix (status V); checksum 61.
    private const string RmcLost = "$GNRMC,000001.00,V,,,,,,,041226,,,N*61\r\n";

    private static readonly long RmcUnixMicroseconds = new DateTimeOffset(2026, 12, 3, 23, 59, 59, 500, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    [Fact]
    public void Push_Gga_PositionAndQualityAsTheSentenceSays()
    {
        var parser = new GnssSentenceParser();
        var bytes = Encoding.ASCII.GetBytes(Gga);
        Assert.Equal(1, parser.Push(bytes, 0, bytes.Length, 1_000));
        var status = parser.Status;
        Assert.Equal(GnssFixQuality.Gnss, status.Fix);
        Assert.Equal(481_173_000, status.LatitudeE7);
        Assert.Equal(115_166_667, status.LongitudeE7);
        Assert.Equal(8, status.Satellites);
        Assert.Equal(90, status.HdopHundredths);
        Assert.Equal(545_400, status.AltitudeMillimetres);
        Assert.Equal(1_000, status.LastFixUnixMicroseconds);
    }

    [Fact]
    public void Push_RmcThenLost_TimeOnItsDateThenNoFix()
    {
        var parser = new GnssSentenceParser();
        var bytes = Encoding.ASCII.GetBytes(Rmc);
        parser.Push(bytes, 0, bytes.Length, RmcUnixMicroseconds + 50_000);
        Assert.Equal(RmcUnixMicroseconds, parser.Status.ReceiverUnixMicroseconds);
        Assert.Equal(-50_000, parser.Status.ReceiverMinusClockMicroseconds);
        Assert.Equal((597_000_000, 306_000_000), (parser.Status.LatitudeE7, parser.Status.LongitudeE7));
        Assert.NotEqual(GnssFixQuality.None, parser.Status.Fix);

        bytes = Encoding.ASCII.GetBytes(RmcLost);
        parser.Push(bytes, 0, bytes.Length, RmcUnixMicroseconds + 1_600_000);
        Assert.Equal(GnssFixQuality.None, parser.Status.Fix);
    }

    [Fact]
    public void Push_BadChecksum_CountedAndIgnored()
    {
        var parser = new GnssSentenceParser();
        var bytes = Encoding.ASCII.GetBytes(Gga.Replace("*47", "*48", StringComparison.Ordinal));
        Assert.Equal(0, parser.Push(bytes, 0, bytes.Length, 1_000));
        Assert.Equal(1, parser.Status.BadSentences);
        Assert.Equal(GnssFixQuality.None, parser.Status.Fix);
    }

    [SocatFact]
    public void Receiver_SerialGnss_FixAndClockStateThenLost()
    {
        using var link = new SocatLink();
        var clock = new GatewayClock(TimeProvider.System, new UnsynchronizedProbe());
        using var receiver = new GnssReceiver(InputSpec.Parse($"nmea:serial:{link.DevicePath}:9600"), clock);
        receiver.Start();
        Assert.True(InputTestRig.WaitFor(() => receiver.Reader.Connected, TimeSpan.FromSeconds(60)));
        Assert.Equal(ClockState.Unsynchronized, clock.State);
        using (var sender = new FileStream(link.SenderPath, FileMode.Open, FileAccess.Write))
        {
            sender.Write(Encoding.ASCII.GetBytes(Gga + Rmc));
        }

        Assert.True(InputTestRig.WaitFor(() => receiver.Snapshot().ReceiverUnixMicroseconds != 0, TimeSpan.FromSeconds(60)));
        Assert.Equal(ClockState.Gnss, clock.State);
        Assert.True(clock.IsTrustworthy);
        Assert.Equal(597_000_000, receiver.Snapshot().LatitudeE7);
        Assert.Equal(545_400, receiver.Snapshot().AltitudeMillimetres);

        using (var sender = new FileStream(link.SenderPath, FileMode.Open, FileAccess.Write))
        {
            sender.Write(Encoding.ASCII.GetBytes(RmcLost));
        }

        Assert.True(InputTestRig.WaitFor(() => receiver.Snapshot().Fix == GnssFixQuality.None, TimeSpan.FromSeconds(60)));
        Assert.Equal(ClockState.Unsynchronized, clock.State);
    }

    private sealed class UnsynchronizedProbe : INtpStatusProbe
    {
        public bool IsSynchronized() => false;
    }
}
