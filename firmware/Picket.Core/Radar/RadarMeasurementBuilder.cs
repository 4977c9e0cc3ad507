using Picket.Asterix;
using Picket.Nmea;

namespace Picket.Radar;

/// <summary>
/// Turns decoded radar reports into <see cref="RadarMeasurement"/>s: unit conversion with
/// integer rounding, time placement, identity, and the sensor's configured noise.
/// </summary>
public static class RadarMeasurementBuilder
{
    private const long MillimetresPerNauticalMile = 1_852_000;

    /// <summary>
    /// A measurement from a CAT048 report. False when the report has no measured polar
    /// position (I048/040) or no time of day (I048/140): it cannot be a measurement then.
    /// </summary>
    /// <param name="report">The decoded report.</param>
    /// <param name="sensor">The sensor's configuration (noise, optional configured id).</param>
    /// <param name="referenceUnixMicroseconds">The receive time (or previous report's time) that fixes the UTC day.</param>
    /// <param name="measurement">The result.</param>
    public static bool TryFromCat048(ref Cat048Record report, RadarSensor sensor, long referenceUnixMicroseconds, out RadarMeasurement measurement)
    {
        measurement = default(RadarMeasurement);
        if (!report.HasPolarPosition || !report.HasTimeOfDay || sensor == null)
        {
            return false;
        }

        measurement.Source = RadarMeasurementSource.AsterixTargetReport;
        measurement.SensorId = sensor.HasConfiguredSensorId ? sensor.SensorId : (report.Sac << 8) | report.Sic;
        measurement.TimeUnixMicroseconds = AsterixTime.ToUnixMicroseconds(report.TimeOfDay128, referenceUnixMicroseconds);
        measurement.RangeMillimetres = RadarSensor.RoundedShift(report.Rho256 * MillimetresPerNauticalMile, 8);
        measurement.AzimuthMicrodegrees = BinaryAngleToMicrodegrees(report.Theta);
        measurement.ReportType = report.HasDescriptor ? report.ReportType : TargetReportType.NoDetection;
        measurement.HasPressureAltitude = report.HasFlightLevel;
        measurement.PressureAltitudeFeet = report.FlightLevelQuarters * 25;
        measurement.HasHeight = report.HasHeight3D;
        measurement.HeightFeet = report.Height3D25Feet * 25;
        measurement.HasDoppler = report.HasDoppler && !report.DopplerDoubtful;
        measurement.DopplerMillimetresPerSecond = measurement.HasDoppler ? report.DopplerMetresPerSecond * 1000 : 0;
        measurement.HasVelocity = report.HasPolarVelocity;
        measurement.GroundSpeedMillimetresPerSecond = (int)RadarSensor.RoundedShift(report.GroundSpeed * MillimetresPerNauticalMile, 14);
        measurement.CourseMicrodegrees = BinaryAngleToMicrodegrees(report.Heading);
        measurement.HasMode3A = report.HasMode3A && !report.Mode3AGarbled;
        measurement.Mode3A = report.Mode3A;
        measurement.HasIcaoAddress = report.HasAircraftAddress;
        measurement.IcaoAddress = report.AircraftAddress;
        // I048/240 of a transponder with no identification is all code 0 or spaces: no callsign.
        measurement.HasCallsign = report.HasIdentification && !IsBlankIdentification(report.Identification);
        measurement.Callsign = measurement.HasCallsign ? report.Identification : 0;
        measurement.HasTrackNumber = report.HasTrackNumber;
        measurement.TrackNumber = report.TrackNumber;
        measurement.SigmaRangeMillimetres = sensor.SigmaRangeMillimetres;
        measurement.SigmaAzimuthMicrodegrees = sensor.SigmaAzimuthMicrodegrees;
        measurement.SigmaHeightMillimetres = sensor.SigmaHeightMillimetres;
        return true;
    }

    /// <summary>
    /// A position measurement from an ARPA TLL target (latitude and longitude). The sentence's own
    /// time is used when present (placed on the UTC day nearest <paramref name="receiveUnixMicroseconds"/>),
    /// else the receive time. False for a lost target (status L) or without a sensor.
    /// </summary>
    /// <param name="position">The parsed TLL.</param>
    /// <param name="sensor">The radar's configuration (sensor id, position sigma).</param>
    /// <param name="receiveUnixMicroseconds">Receive time, UTC µs.</param>
    /// <param name="measurement">The result: <see cref="RadarMeasurement.HasPosition"/> set.</param>
    public static bool TryFromTll(ref ArpaTargetPosition position, RadarSensor sensor, long receiveUnixMicroseconds, out RadarMeasurement measurement)
    {
        measurement = default(RadarMeasurement);
        if (sensor == null || position.Status == ArpaTargetStatus.Lost)
        {
            return false;
        }

        measurement.Source = RadarMeasurementSource.ArpaTrackedTarget;
        measurement.SensorId = sensor.SensorId;
        measurement.TimeUnixMicroseconds = position.HasTime
            ? AsterixTime.PlaceOnNearestDay(position.TimeOfDayMilliseconds * 1000L, receiveUnixMicroseconds)
            : receiveUnixMicroseconds;
        measurement.ReportType = TargetReportType.Psr;
        measurement.HasPosition = true;
        measurement.LatitudeE7 = position.LatitudeE7;
        measurement.LongitudeE7 = position.LongitudeE7;
        measurement.SigmaPositionMillimetres = sensor.SigmaPositionMillimetres;
        measurement.HasTrackNumber = true;
        measurement.TrackNumber = position.TargetNumber;
        return true;
    }

    /// <summary>
    /// A measurement from an ARPA TTM target. The sentence's own time is used when present
    /// (placed on the UTC day nearest <paramref name="receiveUnixMicroseconds"/>), else the receive time.
    /// False without distance and bearing.
    /// </summary>
    public static bool TryFromArpa(ref ArpaTrackedTarget target, RadarSensor sensor, long receiveUnixMicroseconds, out RadarMeasurement measurement)
    {
        measurement = default(RadarMeasurement);
        if (!target.HasDistance || !target.HasBearing || sensor == null)
        {
            return false;
        }

        measurement.Source = RadarMeasurementSource.ArpaTrackedTarget;
        measurement.SensorId = sensor.SensorId;
        measurement.TimeUnixMicroseconds = target.HasTime
            ? AsterixTime.PlaceOnNearestDay(target.TimeOfDayMilliseconds * 1000L, receiveUnixMicroseconds)
            : receiveUnixMicroseconds;
        measurement.RangeMillimetres = target.DistanceMillimetres;
        measurement.AzimuthMicrodegrees = target.BearingMicrodegrees;
        measurement.AzimuthIsRelative = target.BearingIsRelative;
        measurement.ReportType = TargetReportType.Psr;
        measurement.HasVelocity = target.HasSpeed && target.HasCourse && !target.CourseIsRelative;
        measurement.GroundSpeedMillimetresPerSecond = target.SpeedMillimetresPerSecond;
        measurement.CourseMicrodegrees = target.CourseMicrodegrees;
        measurement.HasTrackNumber = true;
        measurement.TrackNumber = target.TargetNumber;
        measurement.SigmaRangeMillimetres = sensor.SigmaRangeMillimetres;
        measurement.SigmaAzimuthMicrodegrees = sensor.SigmaAzimuthMicrodegrees;
        return true;
    }

    // True when every 6-bit character is code 0 or 32 (space).
    private static bool IsBlankIdentification(long packed)
    {
        for (int i = 0; i < 8; i++)
        {
            long code = (packed >> (42 - (6 * i))) & 0x3F;
            if (code != 0 && code != 32)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>360/2^16 degree units to microdegrees, rounded: x 360,000,000 / 65,536.</summary>
    public static int BinaryAngleToMicrodegrees(int angle) =>
        (int)(RadarSensor.RoundedShift((angle & 0xFFFF) * 360_000_000L, 16) % 360_000_000);
}
