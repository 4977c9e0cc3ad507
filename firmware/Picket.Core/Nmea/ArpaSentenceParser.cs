namespace Picket.Nmea;

/// <summary>
/// Parses the ARPA sentences <c>TTM</c>, <c>TLL</c> and <c>OSD</c> (NMEA 0183 v4.11) from a
/// <see cref="NmeaFieldReader"/> that has already verified the checksum. Integer maths only.
/// </summary>
public static class ArpaSentenceParser
{
    private const long MillimetresPerNauticalMile = 1_852_000;
    private const long MillimetresPerKilometre = 1_000_000;
    private const long MillimetresPerStatuteMile = 1_609_344;

    /// <summary>Parses a TTM sentence.</summary>
    public static NmeaStatus TryParseTtm(NmeaFieldReader fields, out ArpaTrackedTarget target)
    {
        target = default(ArpaTrackedTarget);
        if (!fields.FormatterIs("TTM"))
        {
            return NmeaStatus.UnsupportedSentence;
        }

        if (!fields.TryGetFixed(1, 0, out var number) || number < 0 || number > 999)
        {
            return NmeaStatus.InvalidField;
        }

        target.TargetNumber = (int)number;
        target.Units = fields.IsEmpty(10) ? 'N' : fields.FirstChar(10);
        var unit = MillimetresPerUnit(target.Units);
        if (unit == 0)
        {
            return NmeaStatus.InvalidField;
        }

        target.HasDistance = fields.TryGetFixed(2, 4, out var distance) && distance >= 0;
        target.DistanceMillimetres = target.HasDistance ? ScaleDistance(distance, unit) : 0;
        target.HasBearing = TryGetAngle(fields, 3, out target.BearingMicrodegrees);
        target.BearingIsRelative = fields.FirstChar(4) == 'R';
        target.HasSpeed = fields.TryGetFixed(5, 4, out var speed) && speed >= 0;
        target.SpeedMillimetresPerSecond = target.HasSpeed ? ScaleSpeed(speed, unit) : 0;
        target.HasCourse = TryGetAngle(fields, 6, out target.CourseMicrodegrees);
        target.CourseIsRelative = fields.FirstChar(7) == 'R';
        target.HasCpaDistance = fields.TryGetFixed(8, 4, out var cpa) && cpa >= 0;
        target.CpaDistanceMillimetres = target.HasCpaDistance ? ScaleDistance(cpa, unit) : 0;
        target.HasCpaTime = fields.TryGetFixed(9, 4, out var cpaTime);
        target.CpaTimeMilliseconds = target.HasCpaTime ? cpaTime * 6 : 0; // 1e-4 min = 6 ms
        target.NameStart = fields.IsEmpty(11) ? 0 : fields.StartOf(11);
        target.NameLength = fields.LengthOf(11);
        target.Status = StatusOf(fields.FirstChar(12));
        target.IsReferenceTarget = fields.FirstChar(13) == 'R';
        target.HasTime = TryGetTimeOfDay(fields, 14, out target.TimeOfDayMilliseconds);
        target.Acquisition = fields.FirstChar(15);
        return target.HasDistance && target.HasBearing ? NmeaStatus.Ok : NmeaStatus.InvalidField;
    }

    /// <summary>Parses a TLL sentence.</summary>
    public static NmeaStatus TryParseTll(NmeaFieldReader fields, out ArpaTargetPosition position)
    {
        position = default(ArpaTargetPosition);
        if (!fields.FormatterIs("TLL"))
        {
            return NmeaStatus.UnsupportedSentence;
        }

        if (!fields.TryGetFixed(1, 0, out var number) || number < 0 || number > 999
            || !TryGetCoordinate(fields, 2, 'N', 'S', 90, out position.LatitudeE7)
            || !TryGetCoordinate(fields, 4, 'E', 'W', 180, out position.LongitudeE7))
        {
            return NmeaStatus.InvalidField;
        }

        position.TargetNumber = (int)number;
        position.NameStart = fields.IsEmpty(6) ? 0 : fields.StartOf(6);
        position.NameLength = fields.LengthOf(6);
        position.HasTime = TryGetTimeOfDay(fields, 7, out position.TimeOfDayMilliseconds);
        position.Status = StatusOf(fields.FirstChar(8));
        position.IsReferenceTarget = fields.FirstChar(9) == 'R';
        return NmeaStatus.Ok;
    }

    /// <summary>Parses an OSD sentence.</summary>
    public static NmeaStatus TryParseOsd(NmeaFieldReader fields, out OwnShipData ownShip)
    {
        ownShip = default(OwnShipData);
        if (!fields.FormatterIs("OSD"))
        {
            return NmeaStatus.UnsupportedSentence;
        }

        ownShip.Units = fields.IsEmpty(9) ? 'N' : fields.FirstChar(9);
        var unit = MillimetresPerUnit(ownShip.Units);
        if (unit == 0)
        {
            return NmeaStatus.InvalidField;
        }

        ownShip.HasHeading = TryGetAngle(fields, 1, out ownShip.HeadingMicrodegrees);
        ownShip.HeadingValid = fields.FirstChar(2) == 'A';
        ownShip.HasCourse = TryGetAngle(fields, 3, out ownShip.CourseMicrodegrees);
        ownShip.CourseReference = fields.FirstChar(4);
        ownShip.HasSpeed = fields.TryGetFixed(5, 4, out var speed) && speed >= 0;
        ownShip.SpeedMillimetresPerSecond = ownShip.HasSpeed ? ScaleSpeed(speed, unit) : 0;
        ownShip.SpeedReference = fields.FirstChar(6);
        return NmeaStatus.Ok;
    }

    private static long MillimetresPerUnit(char units)
    {
        switch (units)
        {
            case 'N':
                return MillimetresPerNauticalMile;
            case 'K':
                return MillimetresPerKilometre;
            case 'S':
                return MillimetresPerStatuteMile;
            default:
                return 0;
        }
    }

    /// <summary>Distance in 1e-4 units to millimetres, rounded.</summary>
    private static long ScaleDistance(long value, long millimetresPerUnit) => ((value * millimetresPerUnit) + 5_000) / 10_000;

    /// <summary>Speed in 1e-4 units per hour to millimetres per second, rounded.</summary>
    private static int ScaleSpeed(long value, long millimetresPerUnit) => (int)(((value * millimetresPerUnit) + 18_000_000) / 36_000_000);

    private static bool TryGetAngle(NmeaFieldReader fields, int index, out int microdegrees)
    {
        microdegrees = 0;
        if (!fields.TryGetFixed(index, 6, out var value) || value < 0 || value > 360_000_000)
        {
            return false;
        }

        microdegrees = (int)(value % 360_000_000);
        return true;
    }

    /// <summary>ddmm.mmmm (latitude) or dddmm.mmmm (longitude) and a hemisphere letter to 1e-7 degree.</summary>
    private static bool TryGetCoordinate(NmeaFieldReader fields, int index, char positive, char negative, int limitDegrees, out int valueE7)
    {
        valueE7 = 0;
        var hemisphere = fields.FirstChar(index + 1);
        if (!fields.TryGetFixed(index, 5, out var value) || value < 0 || (hemisphere != positive && hemisphere != negative))
        {
            return false;
        }

        var degrees = value / 10_000_000;
        var minutesE5 = value % 10_000_000;
        if (degrees > limitDegrees || minutesE5 >= 6_000_000)
        {
            return false;
        }

        var e7 = (degrees * 10_000_000) + (((minutesE5 * 100) + 30) / 60);
        valueE7 = (int)(hemisphere == negative ? -e7 : e7);
        return true;
    }

    private static bool TryGetTimeOfDay(NmeaFieldReader fields, int index, out int milliseconds)
    {
        milliseconds = 0;
        if (!fields.TryGetFixed(index, 3, out var value) || value < 0)
        {
            return false;
        }

        var hours = value / 10_000_000;
        var minutes = (value / 100_000) % 100;
        var secondsMs = value % 100_000;
        if (hours > 23 || minutes > 59 || secondsMs >= 61_000)
        {
            return false;
        }

        milliseconds = (int)((hours * 3_600_000) + (minutes * 60_000) + secondsMs);
        return true;
    }

    private static ArpaTargetStatus StatusOf(char letter)
    {
        switch (letter)
        {
            case 'L':
                return ArpaTargetStatus.Lost;
            case 'Q':
                return ArpaTargetStatus.Query;
            case 'T':
                return ArpaTargetStatus.Tracking;
            default:
                return ArpaTargetStatus.Unknown;
        }
    }
}
