namespace Picket.Simulation.Playback;

/// <summary>GNSS timestamps and ASTERIX time of day as the played clock writes them, worked by hand.</summary>
public sealed class PlaybackEncoderTests
{
    [Fact]
    public void GpsTimestamp_SecondsOfDayAbove30BitsOfNanoseconds()
    {
        // 2026-12-03 13:05:07.123456 UTC: 47,107 s of the day, 123,456,000 ns.
        var time = new DateTimeOffset(2026, 12, 3, 13, 5, 7, TimeSpan.Zero).AddTicks(1_234_560);
        var micros = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        Assert.Equal((47_107L << 30) | 123_456_000L, PlaybackEncoder.GpsTimestamp(micros));
    }

    [Fact]
    public void Encode_AsterixCat048_TimeOfDayRewrittenToThePlayedClock()
    {
        // CAT048, length 9, FSPEC 0xC0 (I048/010, I048/140), SAC/SIC 25/14, time of day 0x000001.
        byte[] block = [48, 0, 9, 0xC0, 25, 14, 0, 0, 1];
        var frame = new PlaybackFrame { Kind = PlaybackFrameKind.Asterix, TimeMicroseconds = 0, Recorded = block, TimeOfDayOffset = PlaybackScript.TimeOfDayOffset(block) };
        Assert.Equal(6, frame.TimeOfDayOffset);
        var spec = PlaybackOutputSpec.Parse("asterix:udp:127.0.0.1:8600");
        var buffer = new byte[PlaybackEncoder.MaxEncodedLength];

        // 12:00:00.5 UTC = 43,200.5 s = 5,529,664 / 128 s = 0x546040.
        var noon = (new DateTimeOffset(2026, 12, 3, 12, 0, 0, 500, TimeSpan.Zero).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        Assert.Equal(9, PlaybackEncoder.Encode(frame, spec, noon, rewriteTimeOfDay: true, buffer));
        Assert.Equal(new byte[] { 48, 0, 9, 0xC0, 25, 14, 0x54, 0x60, 0x40 }, buffer[..9]);
        Assert.Equal(9, PlaybackEncoder.Encode(frame, spec, noon, rewriteTimeOfDay: false, buffer));
        Assert.Equal(block, buffer[..9]);

        // A Beast output takes no ASTERIX.
        Assert.Equal(0, PlaybackEncoder.Encode(frame, PlaybackOutputSpec.Parse("beast:tcp-listen:30005"), noon, true, buffer));
    }
}
