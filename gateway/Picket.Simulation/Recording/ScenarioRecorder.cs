using Picket.Asterix;
using Picket.ModeS;
using Picket.ModeS.Encoders;
using Picket.ModeS.Framing;
using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;

namespace Picket.Simulation.Recording;

/// <summary>
/// Records a scenario as the byte streams a mast receives, made with the core's real encoders:
/// a Mode-S Beast stream (the 1090 MHz receiver: every ADS-B squitter heard, bit errors
/// included, plus the Mode S replies of targets the radar interrogated), an ASTERIX stream (the
/// radar: a CAT034 north marker per scan and a CAT048 target report per plot, one data block
/// each) and the truth as JSON Lines. Beast timestamps are 12 MHz ticks from the scenario
/// start; ASTERIX time of day is the scenario's UTC start plus scenario time.
/// </summary>
public static class ScenarioRecorder
{
    /// <summary>Microseconds between the DF11, DF4 and DF5 replies of one radar dwell.</summary>
    private const long ReplySpacingMicroseconds = 20;

    /// <summary>
    /// Runs <paramref name="simulation"/> and writes its streams.
    /// </summary>
    /// <param name="simulation">The scenario run.</param>
    /// <param name="beast">Receives the Beast binary stream (<see cref="Stream.Null"/> to skip).</param>
    /// <param name="asterix">Receives concatenated ASTERIX data blocks.</param>
    /// <param name="truth">Receives one JSON object per line per truth sample.</param>
    /// <param name="durationMicroseconds">Scenario time to record, microseconds; at most the scenario's length.</param>
    /// <returns>What was written.</returns>
    public static RecordingCounts Record(ScenarioSimulation simulation, Stream beast, Stream asterix, Stream truth, long durationMicroseconds = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(beast);
        ArgumentNullException.ThrowIfNull(asterix);
        ArgumentNullException.ThrowIfNull(truth);

        var definition = simulation.Definition;
        var sac = definition.Radar?.Sac ?? 0;
        var sic = definition.Radar?.Sic ?? 0;
        var scanPeriod = definition.Radar?.ScanPeriodS ?? 0;
        var startOfDayMicroseconds = definition.Start.UtcDateTime.TimeOfDay.Ticks / 10;
        var frame = new byte[14];
        var output = new byte[BeastWriter.MaxEncodedLength];
        var block = new byte[1024];
        var targetReports = new Cat048Record[1];
        var markers = new Cat034Record[1];
        var counts = new Counter();
        using var truthWriter = new TruthWriter(truth, simulation);

        void WriteFrame(int length, long timeMicroseconds, double rangeMetres)
        {
            // Timestamp 0 means "none" in the Beast protocol, so the very first tick is 1.
            var ticks = Math.Max(timeMicroseconds * 12, 1);
            var written = BeastWriter.Write(frame, 0, length, ticks, SignalLevel(rangeMetres), output, 0);
            beast.Write(output, 0, written);
            counts.BeastBytes += written;
        }

        int TimeOfDay(long timeMicroseconds) =>
            (int)(((startOfDayMicroseconds + timeMicroseconds) * 128 / 1_000_000) % (86_400 * 128));

        foreach (var e in simulation.Run())
        {
            if (e.TimeMicroseconds >= durationMicroseconds)
            {
                break;
            }

            switch (e)
            {
                case SquitterEvent squitter:
                    if (!SquitterFrames.TryEncode(squitter, simulation.Targets[squitter.TargetIndex], frame))
                    {
                        counts.SkippedSquitters++;
                        break;
                    }

                    WriteFrame(14, squitter.TimeMicroseconds, Wgs84.ToEnu(simulation.Site, squitter.State.Position).Length);
                    counts.Squitters++;
                    counts.FlippedSquitters += squitter.FlippedBit != 0 ? 1 : 0;
                    break;
                case RadarPlotEvent plot:
                    targetReports[0] = PlotRecords.TargetReport(plot, sac, sic, TimeOfDay(plot.TimeMicroseconds));
                    var length = Cat048Encoder.EncodeBlock(targetReports, 1, block, 0, block.Length);
                    asterix.Write(block, 0, length);
                    counts.AsterixBytes += length;
                    counts.Plots++;
                    if (plot.Secondary && plot.Icao != 0)
                    {
                        counts.Replies += WriteReplies(plot, frame, WriteFrame);
                    }

                    break;
                case NorthMarkerEvent marker:
                    markers[0] = PlotRecords.NorthMarker(sac, sic, TimeOfDay(marker.TimeMicroseconds), scanPeriod);
                    var markerLength = Cat034Encoder.EncodeBlock(markers, 1, block, 0, block.Length);
                    asterix.Write(block, 0, markerLength);
                    counts.AsterixBytes += markerLength;
                    counts.NorthMarkers++;
                    break;
                case TruthEvent sample:
                    truthWriter.Write(sample);
                    counts.TruthSamples++;
                    break;
            }
        }

        return new RecordingCounts
        {
            Squitters = counts.Squitters,
            FlippedSquitters = counts.FlippedSquitters,
            SkippedSquitters = counts.SkippedSquitters,
            Replies = counts.Replies,
            Plots = counts.Plots,
            NorthMarkers = counts.NorthMarkers,
            TruthSamples = counts.TruthSamples,
            BeastBytes = counts.BeastBytes,
            AsterixBytes = counts.AsterixBytes,
        };
    }

    /// <summary>
    /// The Beast signal byte for a transmitter <paramref name="rangeMetres"/> away: free-space
    /// amplitude falls as 1/range; full scale (255) at 5 km or closer, about -20 dBFS at 50 km,
    /// -34 dBFS at 250 km (what a mast receiver typically shows).
    /// </summary>
    public static int SignalLevel(double rangeMetres) => (int)Math.Clamp(Math.Round(255 * 5_000 / Math.Max(rangeMetres, 1)), 1, 255);

    /// <summary>
    /// The replies a Mode S radar's dwell draws from the target (Annex 10 Vol IV 3.1.2.5 and
    /// 3.1.2.6): an all-call reply, then roll-call altitude and identity replies.
    /// </summary>
    private static int WriteReplies(RadarPlotEvent plot, byte[] frame, Action<int, long, double> write)
    {
        var address = (uint)plot.Icao;
        var replies = 0;
        if (ReplyEncoder.EncodeAllCall(address, 5, 0, frame, 0) == 7)
        {
            write(7, plot.TimeMicroseconds, plot.TrueSlantRangeMetres);
            replies++;
        }

        var header = default(ReplyHeader);
        if (!double.IsNaN(plot.PressureAltitudeFeet) && AltitudeCode.TryEncode13((int)Math.Round(plot.PressureAltitudeFeet), out var altitude)
            && ReplyEncoder.EncodeAltitudeReply(address, ref header, altitude, false, 0, frame, 0) == 7)
        {
            write(7, plot.TimeMicroseconds + ReplySpacingMicroseconds, plot.TrueSlantRangeMetres);
            replies++;
        }

        if (plot.Mode3A >= 0 && ReplyEncoder.EncodeIdentityReply(address, ref header, IdentityCode.Encode(plot.Mode3A), false, 0, frame, 0) == 7)
        {
            write(7, plot.TimeMicroseconds + (2 * ReplySpacingMicroseconds), plot.TrueSlantRangeMetres);
            replies++;
        }

        return replies;
    }

    private sealed class Counter
    {
        public long Squitters;
        public long FlippedSquitters;
        public long SkippedSquitters;
        public long Replies;
        public long Plots;
        public long NorthMarkers;
        public long TruthSamples;
        public long BeastBytes;
        public long AsterixBytes;
    }
}
