using Picket.ModeS.Framing;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary><c>picket decode --format sbs</c>: SBS-1/BaseStation CSV (port 30003), already decoded by the receiver.</summary>
internal sealed class SbsDecodeFormat : IDecodeFormat
{
    public string Name => "sbs";

    public bool ReadsModeSFrames => false;

    public async Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken)
    {
        var record = new SbsRecord();
        var parser = new SbsParser(record, new byte[512]);
        var buffer = new byte[1 << 16];
        var firstMilliseconds = -1;
        long total = 0;
        int count;
        while ((count = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += count;
            for (var i = 0; i < count; i++)
            {
                if (parser.Push(buffer[i]))
                {
                    summary.Read++;
                    summary.Decoded++;
                    if (record.HasGeneratedTime && firstMilliseconds < 0)
                    {
                        firstMilliseconds = record.GeneratedTimeOfDayMilliseconds;
                    }

                    Write(output, record, firstMilliseconds);
                }
            }
        }

        if (parser.Push((byte)'\n'))
        {
            summary.Read++;
            summary.Decoded++;
            Write(output, record, firstMilliseconds);
        }

        summary.SkippedBytes = parser.GarbageBytes;
        // Every line found is read, malformed ones too: read = decoded + rejected.
        summary.Read += parser.MalformedLines;
        summary.Reject("line is not SBS-1 (type, field count or number format)", parser.MalformedLines);

        if (total > 0 && parser.Records == 0)
        {
            throw new InputException($"no SBS-1 lines in {total} bytes of input: expected lines like MSG,3,1,1,4B1908,...");
        }
    }

    private static void Write(JsonLinesWriter output, SbsRecord r, int firstMilliseconds)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString("type", "sbs");
        json.WriteString("message_type", r.MessageType.ToString().ToUpperInvariant());
        if (r.TransmissionType > 0)
        {
            json.WriteNumber("transmission_type", r.TransmissionType);
        }

        if (r.HasGeneratedTime)
        {
            json.WriteNumber("time", (r.GeneratedTimeOfDayMilliseconds - firstMilliseconds) / 1000.0);
        }

        if (r.HasAddress)
        {
            SurveillanceJson.WriteIcao(json, "icao", r.Address);
        }

        if (r.CallsignLength > 0)
        {
            json.WriteString("callsign", r.Callsign.AsSpan(0, r.CallsignLength));
        }

        WriteIf(json, r.HasAltitude, "altitude_ft", r.AltitudeFeet);
        WriteIf(json, r.HasGroundSpeed, "groundspeed_kt", r.GroundSpeedMilliknots / 1000.0);
        WriteIf(json, r.HasTrack, "track_deg", r.TrackMillidegrees / 1000.0);
        WriteIf(json, r.HasPosition, "lat", r.LatitudeE7 / 1e7);
        WriteIf(json, r.HasPosition, "lon", r.LongitudeE7 / 1e7);
        WriteIf(json, r.HasVerticalRate, "vertical_rate_fpm", r.VerticalRateFeetPerMinute);
        if (r.HasSquawk)
        {
            SurveillanceJson.WriteSquawk(json, "squawk", r.Squawk);
        }

        if ((r.FlagsPresent & 8) != 0)
        {
            json.WriteBoolean("on_ground", (r.Flags & 8) != 0);
        }

        json.WriteEndObject();
        output.EndObject();
    }

    private static void WriteIf(System.Text.Json.Utf8JsonWriter json, bool has, string name, double value)
    {
        if (has)
        {
            json.WriteNumber(name, value);
        }
    }
}
