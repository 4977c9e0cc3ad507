using System.Globalization;
using System.Text.Json;
using Picket.ModeS.Cpr;
using Picket.ModeS.Framing;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.ModeS;

/// <summary>
/// The real ULSS7 Beast capture framed and decoded end to end, against
/// <c>stream_ulss7_dump1090.jsonl</c>: every frame in order (type, timestamp, signal, bytes) and
/// every position dump1090 decoded.
/// </summary>
public sealed class BeastCaptureEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public void Push_UlssCapture_FramesEveryFrameLikeTheReferenceStream()
    {
        var reference = ReadReference();
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var index = 0;
        var mismatches = 0;
        foreach (var b in File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin")))
        {
            if (!framer.Push(b))
            {
                continue;
            }

            var expected = reference[index++];
            if (expected.Type != (int)frame.Kind || expected.Ticks != frame.TimestampTicks || expected.Signal != frame.SignalLevel
                || expected.Hex != Convert.ToHexString(frame.Data, 0, frame.LengthBytes))
            {
                mismatches++;
            }
        }

        var byType = reference.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{framer.Frames} frames, reference {reference.Count} ({byType[1]} Mode A/C, {byType[2]} short, {byType[3]} long), garbage {framer.GarbageBytes}, truncated {framer.TruncatedFrames}, mismatches {mismatches}"));
        Assert.Equal(reference.Count, index);
        Assert.Equal(0, mismatches);
        Assert.Equal(0, framer.GarbageBytes);
        Assert.Equal(0, framer.TruncatedFrames);
        Assert.Equal(5026, byType[1]);
        Assert.Equal(4942, byType[2]);
        Assert.Equal(3986, byType[3]);
    }

    [Fact]
    public void Process_UlssCapture_PositionsMatchDump1090ForAtLeast98Percent()
    {
        var reference = ReadReference();
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var pipeline = new ModeSPipeline(256, new PositionLimits(), 1);

        // The receiver near St Petersburg (data README): 59.7 N 30.6 E.
        pipeline.PositionTable.SetReceiver(CprVectors(59.7), CprVectors(30.6));
        var message = default(ModeSMessage);
        var index = 0;
        var expectedPositions = 0;
        var matched = 0;
        var missing = 0;
        var wrong = new List<string>();
        foreach (var b in File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin")))
        {
            if (!framer.Push(b))
            {
                continue;
            }

            var expected = reference[index++];
            pipeline.Process(frame, 0, ref message, out var status, out var lat, out var lon);
            if (!expected.HasPosition)
            {
                continue;
            }

            expectedPositions++;
            if (status != PositionStatus.Confirmed)
            {
                missing++;
                continue;
            }

            var dLat = Math.Abs((lat * 360.0 / 4294967296.0) - expected.Latitude);
            var dLon = Math.Abs((lon * 360.0 / 4294967296.0) - expected.Longitude);

            // The reference is printed to 5 decimals: 1e-5 plus its rounding.
            if (dLat <= 1.5e-5 && dLon <= 1.5e-5)
            {
                matched++;
            }
            else
            {
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"frame {index - 1}: {lat * 360.0 / 4294967296.0:F6},{lon * 360.0 / 4294967296.0:F6} vs {expected.Latitude},{expected.Longitude}"));
            }
        }

        var percent = 100.0 * matched / expectedPositions;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{expectedPositions} reference positions, {matched} matched ({percent:F2} %), {missing} not reported, {wrong.Count} different"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline: {pipeline.Frames} frames, {pipeline.Decoded} decoded, {pipeline.Corrected} corrected, {pipeline.ModeAC} Mode A/C, crc {pipeline.RejectedCrc}, unknown address {pipeline.RejectedUnknownAddress}, positions {pipeline.ConfirmedPositions}, rejected positions {pipeline.RejectedPositions}"));
        wrong.ForEach(output.WriteLine);
        Assert.Equal(1456, expectedPositions);
        Assert.True(percent >= 98.0, $"{percent} %");
        Assert.Empty(wrong);
    }

    private static int CprVectors(double degrees) => (int)Math.Round(degrees / 360.0 * 4294967296.0);

    private static List<ReferenceFrame> ReadReference()
    {
        var frames = new List<ReferenceFrame>();
        foreach (var line in File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var r = document.RootElement;
            var hasPosition = r.TryGetProperty("dump1090", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("lat", out _);
            frames.Add(new ReferenceFrame(
                r.GetProperty("beast_type").GetString()![0] - '0',
                r.GetProperty("ts12mhz").GetInt64(),
                r.GetProperty("signal").GetInt32(),
                r.GetProperty("hex").GetString()!,
                hasPosition,
                hasPosition ? d.GetProperty("lat").GetDouble() : 0,
                hasPosition ? d.GetProperty("lon").GetDouble() : 0));
        }

        return frames;
    }

    private sealed record ReferenceFrame(int Type, long Ticks, int Signal, string Hex, bool HasPosition, double Latitude, double Longitude);
}
