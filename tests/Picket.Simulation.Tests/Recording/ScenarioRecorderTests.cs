using System.Text.Json;
using Picket.Asterix;
using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.ModeS.Framing;
using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;
using Xunit.Abstractions;

namespace Picket.Simulation.Recording;

/// <summary>
/// A recorded scenario read back by the core's real framers and decoders, compared with the
/// simulation's own events: the truth at each squitter's transmission and each plot's measured
/// range and azimuth.
/// </summary>
public sealed class ScenarioRecorderTests(ITestOutputHelper output)
{
    private const long Seconds60 = 60_000_000;
    private const double TwoTo32 = 4294967296.0;

    [Fact]
    public void Record_CrossingTargets_BeastDecodesToTruthWithinCprQuantisation()
    {
        var (simulation, beast, _, _, counts) = RecordCrossingTargets();
        var squitters = simulation.Run().TakeWhile(e => e.TimeMicroseconds < Seconds60).OfType<SquitterEvent>()
            .ToDictionary(s => (s.Icao, Ticks: Math.Max(s.TimeMicroseconds * 12, 1)));

        var plots = simulation.Run().TakeWhile(e => e.TimeMicroseconds < Seconds60).OfType<RadarPlotEvent>().Where(p => p.Icao != 0)
            .ToDictionary(p => (p.Icao, Ticks: p.TimeMicroseconds * 12));
        var replies = 0;
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var pipeline = new ModeSPipeline(1024, new PositionLimits(), 1);
        pipeline.PositionTable.SetReceiver(SquitterFrames.ToBinaryAngle(59.40), SquitterFrames.ToBinaryAngle(27.20));
        var message = default(ModeSMessage);
        var positions = 0;
        var velocities = 0;
        var callsigns = 0;
        var worstMetres = 0.0;
        var bytes = beast.ToArray();
        for (var offset = 0; offset < bytes.Length;)
        {
            offset += framer.Push(bytes, offset, bytes.Length - offset, out var ready);
            if (!ready || pipeline.Process(frame, 0, ref message, out var status, out var latitude, out var longitude) != ModeSFrameOutcome.Decoded)
            {
                continue;
            }

            if (message.DownlinkFormat is 4 or 5 or 11)
            {
                // The radar dwell's replies: DF11 at the plot time, DF4 20 us later, DF5 40 us later.
                var plot = plots[((int)message.Address, frame.TimestampTicks - (message.DownlinkFormat == 11 ? 0 : message.DownlinkFormat == 4 ? 240 : 480))];
                if (message.DownlinkFormat == 4)
                {
                    Assert.Equal(plot.PressureAltitudeFeet, message.AltitudeFeet);
                }
                else if (message.DownlinkFormat == 5)
                {
                    Assert.Equal(plot.Mode3A, message.Squawk);
                }

                replies++;
                continue;
            }

            var truth = squitters[((int)message.Address, frame.TimestampTicks)].State;
            if (status == PositionStatus.Confirmed)
            {
                var decoded = new GeoPosition(latitude * 360.0 / TwoTo32, (uint)longitude * 360.0 / TwoTo32, truth.Position.HeightMetres);
                var enu = Wgs84.ToEnu(truth.Position, decoded);
                worstMetres = Math.Max(worstMetres, enu.Length);

                // Half a CPR step: 2.6 m in latitude, 2.7 m in longitude at 59.5 deg N (NL 30).
                Assert.InRange(Math.Abs(enu.Y), 0, 2.7);
                Assert.InRange(Math.Abs(enu.X), 0, 2.8);
                Assert.InRange(message.AltitudeFeet - (truth.Position.HeightMetres / 0.3048), -12.5, 12.5);
                positions++;
            }
            else if (message.TypeCode == 19)
            {
                var knots = truth.SpeedMetresPerSecond * 3600 / 1852;
                Assert.InRange(message.GroundSpeedKnotsQ10 / 1024.0 - knots, -1, 1); // 1 kt components
                velocities++;
            }
            else if (message.HasCallsign)
            {
                var expected = simulation.Targets.Single(t => t.Icao == (int)message.Address).Callsign;
                var text = new char[8];
                Assert.Equal(expected, new string(text, 0, CallsignAlphabet.Write(message.CallsignCharacters, text, 0)));
                callsigns++;
            }
        }

        output.WriteLine($"{counts}; {positions} positions (worst {worstMetres:F2} m), {velocities} velocities, {callsigns} callsigns, {replies} replies; pipeline corrected {pipeline.Corrected}, rejected CRC {pipeline.RejectedCrc}");
        Assert.Equal(counts.Squitters + counts.Replies, framer.Frames);
        Assert.Equal(0, framer.GarbageBytes);
        Assert.True(positions > 150, $"{positions} positions");
        Assert.True(velocities > 150);
        Assert.True(callsigns > 10);
        Assert.Equal(counts.Replies, replies);

        // Every intact frame decodes; a frame with a flipped bit is corrected unless the flip hit the DF field.
        Assert.Equal(counts.Squitters + counts.Replies, pipeline.Frames);
        Assert.InRange(pipeline.Decoded, counts.Squitters + counts.Replies - counts.FlippedSquitters, counts.Squitters + counts.Replies);
        Assert.InRange(pipeline.Corrected, 1, counts.FlippedSquitters);
    }

    [Fact]
    public void Record_CrossingTargets_AsterixDecodesToPlotRangeAndAzimuthToTheLsb()
    {
        var (simulation, _, asterix, _, counts) = RecordCrossingTargets();
        var events = simulation.Run().TakeWhile(e => e.TimeMicroseconds < Seconds60).Where(e => e is RadarPlotEvent or NorthMarkerEvent).ToArray();
        var cat048 = new Cat048Decoder();
        var cat034 = new Cat034Decoder();
        var bytes = asterix.ToArray();
        var index = 0;
        var offset = 0;
        while (offset < bytes.Length)
        {
            Assert.Equal(AsterixStatus.Ok, AsterixDataBlock.TryReadHeader(bytes, offset, bytes.Length - offset, out var category, out var blockLength));
            var expected = events[index++];
            var timeOfDay128 = ((12 * 3600) + (expected.TimeMicroseconds / 1e6)) * 128; // start 12:00:00Z
            if (expected is RadarPlotEvent plot)
            {
                Assert.Equal(48, category);
                Assert.Equal(AsterixStatus.Ok, cat048.TryDecode(bytes, offset + 3, offset + blockLength, out var record, out var recordLength));
                Assert.Equal(blockLength - 3, recordLength);
                Assert.Equal((25, 1), (record.Sac, record.Sic));
                Assert.InRange(record.TimeOfDay128 - timeOfDay128, -1, 0);
                Assert.InRange(record.Rho256 - (plot.SlantRangeMetres / 1852 * 256), -0.5, 0.5); // I048/040 RHO LSB 1/256 NM
                var azimuthSteps = plot.AzimuthDegrees / 360 * 65536;
                Assert.InRange(Math.Abs(Math.IEEERemainder(record.Theta - azimuthSteps, 65536)), 0, 0.5); // THETA LSB 360/2^16 deg
                Assert.Equal(plot.Icao != 0, record.HasAircraftAddress);
                Assert.Equal(plot.Icao, record.AircraftAddress);
                Assert.Equal(plot.Mode3A >= 0, record.HasMode3A);
                if (!double.IsNaN(plot.PressureAltitudeFeet))
                {
                    Assert.Equal(plot.PressureAltitudeFeet, record.FlightLevelQuarters * 25.0);
                }

                var type = !plot.Secondary ? TargetReportType.Psr : plot.Icao != 0 ? (plot.Primary ? TargetReportType.ModeSRollCallPsr : TargetReportType.ModeSRollCall) : (plot.Primary ? TargetReportType.SsrPsr : TargetReportType.Ssr);
                Assert.Equal(type, record.ReportType);
                if (plot.Callsign is not null)
                {
                    Assert.Equal(plot.Callsign, Ia5Callsign.ToText(record.Identification).TrimEnd());
                }
            }
            else
            {
                Assert.Equal(34, category);
                Assert.Equal(AsterixStatus.Ok, cat034.TryDecode(bytes, offset + 3, offset + blockLength, out var record, out _));
                Assert.Equal(Cat034MessageType.NorthMarker, record.MessageType);
                Assert.InRange(record.TimeOfDay128 - timeOfDay128, -1, 0);
                Assert.Equal(4 * 128, record.AntennaRotationPeriod128);
            }

            offset += blockLength;
        }

        Assert.Equal(events.Length, index);
        Assert.Equal(counts.Plots + counts.NorthMarkers, index);
        Assert.True(counts.NorthMarkers >= 14);
    }

    [Fact]
    public void Record_CrossingTargets_TruthLinesFollowTheSimulation()
    {
        var (simulation, _, _, truth, counts) = RecordCrossingTargets();
        var samples = simulation.Run().TakeWhile(e => e.TimeMicroseconds < Seconds60).OfType<TruthEvent>().ToArray();
        var lines = System.Text.Encoding.UTF8.GetString(truth.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(samples.Length, lines.Length);
        Assert.Equal(counts.TruthSamples, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            var sample = samples[i];
            var target = simulation.Targets[sample.TargetIndex];
            Assert.Equal(sample.TargetIndex, root.GetProperty("target").GetInt32());
            Assert.Equal(target.Name, root.GetProperty("name").GetString());
            Assert.Equal(sample.State.Position.LatitudeDegrees, root.GetProperty("lat").GetDouble(), 1e-8);
            Assert.Equal(sample.State.Position.LongitudeDegrees, root.GetProperty("lon").GetDouble(), 1e-8);
            Assert.Equal(sample.State.Position.HeightMetres, root.GetProperty("alt_m").GetDouble(), 1e-3);
            Assert.Equal(sample.State.VelocityEast, root.GetProperty("vel_e_ms").GetDouble(), 1e-3);
            Assert.Equal(target.Cooperative, root.GetProperty("cooperative").GetBoolean());
            Assert.Equal(1_780_315_200 + (sample.TimeMicroseconds / 1e6), root.GetProperty("time").GetDouble(), 1e-6); // 2026-06-01T12:00:00Z
        }
    }

    [Theory]
    [InlineData(1_000, 255)] // closer than 5 km: full scale
    [InlineData(50_000, 26)] // about -20 dBFS
    [InlineData(250_000, 5)] // about -34 dBFS
    [InlineData(10_000_000, 1)] // never 0 ("not measured")
    public void SignalLevel_Range_FallsAsOneOverRange(double rangeMetres, int level)
    {
        Assert.Equal(level, ScenarioRecorder.SignalLevel(rangeMetres));
    }

    private static (ScenarioSimulation Simulation, MemoryStream Beast, MemoryStream Asterix, MemoryStream Truth, RecordingCounts Counts) RecordCrossingTargets()
    {
        var simulation = new ScenarioSimulation(ScenarioLoader.LoadBuiltIn("crossing-targets"));
        var beast = new MemoryStream();
        var asterix = new MemoryStream();
        var truth = new MemoryStream();
        var counts = ScenarioRecorder.Record(simulation, beast, asterix, truth, Seconds60);
        return (simulation, beast, asterix, truth, counts);
    }
}
