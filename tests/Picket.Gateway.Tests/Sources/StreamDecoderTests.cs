using Picket.Gateway.Capture;
using Picket.Gateway.Tracking;
using Picket.Publishing;
using Picket.Testing;
using Picket.Tracking;
using Xunit.Abstractions;

namespace Picket.Gateway.Sources;

public sealed class StreamDecoderTests(ITestOutputHelper output)
{
    private static readonly long Arrival = new DateTimeOffset(2026, 12, 4, 0, 0, 0, 200, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void ModeSPush_BeastCaptureInChunks_SameFramesAsIndependentDeframer(int chunk)
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var expected = BeastReference.Frames(bytes);
        var decoder = new ModeSStreamDecoder(beast: true, BeastTimestampFormat.TwelveMegahertz);
        var frames = new List<string>();
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            decoder.Begin(bytes, offset, Math.Min(chunk, bytes.Length - offset), Arrival + offset);
            while (decoder.MoveNext())
            {
                frames.Add(Convert.ToHexString(decoder.Frame.Data, 0, decoder.Frame.LengthBytes));
                // Live: a frame is timed by the arrival of the chunk that completed it.
                Assert.Equal(Arrival + offset, decoder.CurrentTimeUnixMicroseconds);
            }
        }

        Assert.Equal(expected, frames);
    }

    [Fact]
    public void ModeSPush_GpsTimestampBeforeMidnight_PlacedOnTheArrivalsPreviousDay()
    {
        // Beast type '3' (long frame), 48-bit GNSS timestamp: seconds of day 86,399 (bits 47-30)
        // and 500,000,000 ns (bits 29-0) = 23:59:59.5; arrival 00:00:00.2 the next day.
        const long timestamp = (86_399L << 30) | 500_000_000L;
        var frame = new List<byte> { 0x1a, (byte)'3' };
        for (var shift = 40; shift >= 0; shift -= 8)
        {
            frame.Add((byte)(timestamp >> shift));
        }

        frame.Add(0x80); // signal
        frame.AddRange(Convert.FromHexString("8D4840D6202CC371C32CE0576098")); // DF17 from the 1090 MHz riddle
        var bytes = Escape(frame);
        var decoder = new ModeSStreamDecoder(beast: true, BeastTimestampFormat.GpsSecondsOfDay);
        decoder.Begin(bytes, 0, bytes.Length, Arrival);
        Assert.True(decoder.MoveNext());
        var expected = new DateTimeOffset(2026, 12, 3, 23, 59, 59, 500, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        Assert.Equal(expected, decoder.CurrentTimeUnixMicroseconds);
        Assert.Equal(expected * 12, decoder.Frame.TimestampTicks);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(1500)]
    public void AsterixPush_StreamOfCaptureBlocksInChunks_RecordsAsWiresharkCountsThem(int chunk)
    {
        // The pcap's payloads as one serial byte stream (no datagram boundaries).
        var stream = new MemoryStream();
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        while (reader.TryReadNext(out var datagram))
        {
            stream.Write(datagram.Payload);
        }

        var bytes = stream.ToArray();
        var decoder = new AsterixStreamDecoder(stream: true);
        var first = 0L;
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            decoder.Begin(bytes, offset, Math.Min(chunk, bytes.Length - offset), Arrival);
            while (decoder.MoveNext())
            {
                first = first == 0 ? decoder.CurrentTimeUnixMicroseconds : first;
            }
        }

        // cat_034_048.txt (the dump beside the capture, by another decoder): 162 data records;
        // the first, a CAT048, has I048/140 = 3,501,389 / 128 s = 27,354.6015625 s, placed on
        // the day nearest the arrival (2026-12-04) and rounded half up to 27,354,601,563 µs.
        Assert.Equal(162, decoder.Records);
        Assert.Equal(0, decoder.DecodeErrors);
        var midnight = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        Assert.Equal(midnight + 27_354_601_563L, first);
    }

    [Fact]
    public void Push_Datagrams_DispatchesIntoPipeline()
    {
        var pipeline = new TrackingPipeline(new GeoSite(45.8, 16.0, 150), null, [], new TrackerConfiguration(), new NullOutput());
        var decoder = new AsterixStreamDecoder(stream: false);
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        var dispatched = 0;
        while (reader.TryReadNext(out var datagram))
        {
            dispatched += decoder.Push(datagram.Payload.Array!, datagram.Payload.Offset, datagram.Payload.Count, Arrival, pipeline);
        }

        Assert.Equal(162, dispatched);
        Assert.Equal(decoder.Plots, pipeline.Tracker.Counters.RadarPlots);
        Assert.True(decoder.Plots > 0);
    }

    [Fact]
    public void Push_CaptureThroughDecoderAndTracker_PrintsThroughput()
    {
        // A timed run (printed, never asserted): the ULSS7 capture pushed in 4 KiB chunks, as a
        // serial reader delivers them, through the live decoder into the tracker, five times over.
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var pipeline = new TrackingPipeline(new GeoSite(59.7, 30.6, 30), null, [], new TrackerConfiguration(), new NullOutput());
        var decoder = new ModeSStreamDecoder(beast: true, BeastTimestampFormat.TwelveMegahertz);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var arrival = Arrival;
        for (var pass = 0; pass < 5; pass++)
        {
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                decoder.Push(bytes, offset, Math.Min(4096, bytes.Length - offset), arrival += 10_000, pipeline);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine($"{decoder.Frames} frames, {5 * bytes.Length} bytes in {seconds * 1000:F0} ms: {decoder.Frames / seconds:F0} frames/s, {5 * bytes.Length / seconds / 1e6:F1} MB/s (a 3 Mbaud Beast line carries at most 0.3 MB/s)");
        Assert.Equal(5 * 13_954, decoder.Frames);

        // The framing alone (no dispatch), for comparison.
        var framing = new ModeSStreamDecoder(beast: true, BeastTimestampFormat.TwelveMegahertz);
        watch.Restart();
        for (var pass = 0; pass < 5; pass++)
        {
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                framing.Begin(bytes, offset, Math.Min(4096, bytes.Length - offset), arrival);
                while (framing.MoveNext())
                {
                }
            }
        }

        seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine($"framing alone: {framing.Frames / seconds:F0} frames/s, {5 * bytes.Length / seconds / 1e6:F1} MB/s");
    }

    private static byte[] Escape(List<byte> frame)
    {
        var escaped = new List<byte> { frame[0], frame[1] };
        foreach (var value in frame.Skip(2))
        {
            escaped.Add(value);
            if (value == 0x1a)
            {
                escaped.Add(value);
            }
        }

        return escaped.ToArray();
    }

    private sealed class NullOutput : ITrackerOutput
    {
        public void OnTrackReport(ref TrackReport report)
        {
        }

        public void OnZoneAlert(ref ZoneAlert alert)
        {
        }
    }
}
