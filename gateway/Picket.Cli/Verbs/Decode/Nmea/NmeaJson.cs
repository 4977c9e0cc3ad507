using Picket.Nmea;

namespace Picket.Cli.Verbs.Decode.Nmea;

/// <summary>The JSON Lines shape of decoded ARPA sentences (field names as in issue 4).</summary>
internal static class NmeaJson
{
    public static void Write(JsonLinesWriter output, ref ArpaTrackedTarget target)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString("type", "nmea");
        json.WriteString("sentence", "TTM");
        json.WriteNumber("target", target.TargetNumber);
        json.WriteNumber("range_m", target.DistanceMillimetres / 1000.0);
        json.WriteNumber("bearing_deg", target.BearingMicrodegrees / 1e6);
        if (target.HasSpeed)
        {
            json.WriteNumber("speed_ms", target.SpeedMillimetresPerSecond / 1000.0);
        }

        if (target.HasCourse)
        {
            json.WriteNumber("course_deg", target.CourseMicrodegrees / 1e6);
        }

        json.WriteEndObject();
        output.EndObject();
    }

    public static void Write(JsonLinesWriter output, ref ArpaTargetPosition position)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString("type", "nmea");
        json.WriteString("sentence", "TLL");
        json.WriteNumber("target", position.TargetNumber);
        json.WriteNumber("lat", position.LatitudeE7 / 1e7);
        json.WriteNumber("lon", position.LongitudeE7 / 1e7);
        json.WriteEndObject();
        output.EndObject();
    }

    public static void Write(JsonLinesWriter output, ref OwnShipData ownShip)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteString("type", "nmea");
        json.WriteString("sentence", "OSD");
        if (ownShip.HasSpeed)
        {
            json.WriteNumber("speed_ms", ownShip.SpeedMillimetresPerSecond / 1000.0);
        }

        if (ownShip.HasCourse)
        {
            json.WriteNumber("course_deg", ownShip.CourseMicrodegrees / 1e6);
        }

        json.WriteEndObject();
        output.EndObject();
    }
}
