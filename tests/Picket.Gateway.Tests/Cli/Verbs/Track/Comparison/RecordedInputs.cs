using Picket.Asterix;
using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.ModeS.Framing;
using Picket.Radar;
using Picket.Tracking.Measurements;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>One decoded input of a recorded scene, in the core's structs.</summary>
internal readonly record struct RecordedInput(long TimeUnixMicroseconds, RecordedInputKind Kind, ModeSObservation Observation, RadarMeasurement Plot);

/// <summary>What a <see cref="RecordedInput"/> holds.</summary>
internal enum RecordedInputKind
{
    /// <summary>A Mode S / ADS-B observation.</summary>
    ModeS,

    /// <summary>A CAT048 radar plot.</summary>
    Radar,

    /// <summary>A CAT034 north marker (a scan began).</summary>
    NorthMarker,
}

/// <summary>
/// Turns a scene's recorded bytes into the decoders' output, as <c>picket track --input</c>
/// does (Beast through the framer, the Mode S pipeline with CPR and the observation builder;
/// ASTERIX through the block reader, the CAT048/CAT034 decoders and the measurement builder),
/// for a tracker other than Picket's: the reference tracker sees exactly what Picket sees.
/// </summary>
internal static class RecordedInputs
{

    /// <summary>Decodes both streams and merges them in time order (stable: Beast first on ties).</summary>
    public static List<RecordedInput> Decode(byte[] beast, byte[] asterix, long startUnixMicroseconds, double siteLatitude, double siteLongitude)
    {
        var inputs = new List<RecordedInput>();
        DecodeBeast(beast, startUnixMicroseconds, siteLatitude, siteLongitude, inputs);
        DecodeAsterix(asterix, startUnixMicroseconds, inputs);
        return inputs.Select((input, index) => (input, index)).OrderBy(p => p.input.TimeUnixMicroseconds).ThenBy(p => p.index).Select(p => p.input).ToList();
    }

    private static void DecodeBeast(byte[] bytes, long start, double siteLatitude, double siteLongitude, List<RecordedInput> inputs)
    {
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var pipeline = new ModeSPipeline(1024, new PositionLimits(), 1);
        pipeline.PositionTable.SetReceiver(BinaryAngle(siteLatitude), BinaryAngle(siteLongitude));
        var message = default(ModeSMessage);
        var position = 0;
        long lastTicks = 0;
        while (position < bytes.Length)
        {
            position += framer.Push(bytes, position, bytes.Length - position, out var ready);
            if (!ready)
            {
                continue;
            }

            if (frame.HasTimestamp && !frame.IsSynthesized)
            {
                lastTicks = frame.TimestampTicks;
            }
            else
            {
                frame.HasTimestamp = false;
            }

            var time = start + (lastTicks / 12);
            message = default;
            if (pipeline.Process(frame, lastTicks, ref message, out var status, out var latitude, out var longitude) == ModeSFrameOutcome.Decoded
                && ModeSObservationBuilder.TryBuild(ref message, status, latitude, longitude, time, new Picket.Tracking.TrackerConfiguration().AdsbPositionSigmaMillimetres, out var observation))
            {
                inputs.Add(new RecordedInput(time, RecordedInputKind.ModeS, observation, default));
            }
        }
    }

    private static void DecodeAsterix(byte[] bytes, long start, List<RecordedInput> inputs)
    {
        var cat048 = new Cat048Decoder();
        var cat034 = new Cat034Decoder();
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        var sensor = new RadarSensor { HasConfiguredSensorId = false };
        var reference = start + Picket.Gateway.Sources.AsterixReplaySource.FirstRecordReferenceOffsetMicroseconds;
        var position = 0;
        while (position < bytes.Length)
        {
            var status = AsterixDataBlock.TryReadHeader(bytes, position, bytes.Length - position, out var category, out var length);
            if (status == AsterixStatus.Ok && AsterixUap.ForCategory(category) is not null)
            {
                status = AsterixDataBlock.Validate(bytes, position, length, offsets, out _);
            }

            if (status != AsterixStatus.Ok || (category != 48 && category != 34))
            {
                position += status == AsterixStatus.Ok ? length : 1;
                continue;
            }

            var end = position + length;
            var record = position + AsterixDataBlock.HeaderLength;
            while (record < end)
            {
                int recordLength;
                if (category == 48)
                {
                    if (cat048.TryDecode(bytes, record, end, out var report, out recordLength) != AsterixStatus.Ok)
                    {
                        break;
                    }

                    if (report.HasTimeOfDay)
                    {
                        reference = AsterixTime.ToUnixMicroseconds(report.TimeOfDay128, reference);
                    }

                    sensor.SensorId = (report.Sac * 256) + report.Sic;
                    if (RadarMeasurementBuilder.TryFromCat048(ref report, sensor, reference, out var plot))
                    {
                        inputs.Add(new RecordedInput(plot.TimeUnixMicroseconds, RecordedInputKind.Radar, default, plot));
                    }
                }
                else
                {
                    if (cat034.TryDecode(bytes, record, end, out var service, out recordLength) != AsterixStatus.Ok)
                    {
                        break;
                    }

                    if (service.HasTimeOfDay && service.HasMessageType && service.MessageType == Cat034MessageType.NorthMarker)
                    {
                        reference = AsterixTime.ToUnixMicroseconds(service.TimeOfDay128, reference);
                        inputs.Add(new RecordedInput(reference, RecordedInputKind.NorthMarker, default, default));
                    }
                }

                record += recordLength;
            }

            position = end;
        }
    }

    private static int BinaryAngle(double degrees) => (int)Math.Round(degrees / 360.0 * 4294967296.0);
}
