using Picket.Nmea;

namespace Picket.Gateway.Inputs;

/// <summary>
/// GGA, RMC, GSA and GST sentences of a GNSS receiver into a <see cref="GnssStatus"/>, parsed in
/// place with the core's <see cref="NmeaLineFramer"/> and <see cref="NmeaFieldReader"/> (checksum
/// checked), in integers. Pure: no port, no clock (the arrival time is an argument). Fields as
/// NMEA 0183 v4.11 sections 8.3.36 (GGA), 8.3.70 (RMC), 8.3.38 (GSA) and 8.3.39 (GST).
/// </summary>
public sealed class GnssSentenceParser
{
    /// <summary>
    /// Horizontal error per unit of HDOP when the receiver sends no GST, mm: 19 m, the estimate
    /// gpsd 3.22 reports (TPV <c>eph</c> 17.1 m for a GGA with HDOP 0.9), so both sources judge
    /// a fix alike.
    /// </summary>
    public const int HdopErrorMillimetres = 19_000;

    private const long MicrosecondsPerDay = 86_400_000_000L;
    private bool _hasGst;
    private readonly NmeaLineFramer _framer = new(NmeaLineFramer.DefaultMaxLength);
    private readonly NmeaFieldReader _fields = new();
    private GnssStatus _status;

    /// <summary>The status after the sentences so far.</summary>
    public GnssStatus Status => _status;

    /// <summary>Reads bytes; each complete sentence updates <see cref="Status"/>.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">First byte.</param>
    /// <param name="count">Number of bytes.</param>
    /// <param name="arrivalUnixMicroseconds">Gateway clock time of arrival.</param>
    /// <returns>The number of GGA/RMC sentences applied.</returns>
    public int Push(byte[] buffer, int offset, int count, long arrivalUnixMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var applied = 0;
        for (var i = offset; i < offset + count; i++)
        {
            if (!_framer.Push(buffer[i]))
            {
                continue;
            }

            if (_fields.Read(_framer.Line, _framer.LineLength) != NmeaStatus.Ok)
            {
                _status = _status with { BadSentences = _status.BadSentences + 1 };
                continue;
            }

            _status = _status with { Sentences = _status.Sentences + 1 };
            var ok = _fields.FormatterIs("GGA") ? ApplyGga(arrivalUnixMicroseconds)
                : _fields.FormatterIs("RMC") ? ApplyRmc(arrivalUnixMicroseconds)
                : _fields.FormatterIs("GSA") ? ApplyGsa()
                : _fields.FormatterIs("GST") ? ApplyGst()
                : (bool?)null;
            if (ok == false)
            {
                _status = _status with { BadSentences = _status.BadSentences + 1 };
            }
            else if (ok == true)
            {
                applied++;
            }
        }

        return applied;
    }

    // GGA: 1 time, 2-3 latitude, 4-5 longitude, 6 quality, 7 satellites, 8 HDOP, 9-10 altitude (M).
    private bool ApplyGga(long arrivalUnixMicroseconds)
    {
        if (!_fields.TryGetFixed(6, 0, out var quality) || quality < 0 || quality > 8)
        {
            return false;
        }

        var fix = quality is >= 1 and <= 7 ? (GnssFixQuality)quality : GnssFixQuality.None;
        if (fix == GnssFixQuality.None)
        {
            _status = _status with { Fix = GnssFixQuality.None, Satellites = 0, Dimensions = 0 };
            return true;
        }

        if (!TryGetCoordinate(2, 'N', 'S', 90, out var latitude) || !TryGetCoordinate(4, 'E', 'W', 180, out var longitude))
        {
            return false;
        }

        _fields.TryGetFixed(7, 0, out var satellites);
        _fields.TryGetFixed(8, 2, out var hdop);
        var hasAltitude = _fields.TryGetFixed(9, 3, out var altitude);
        _fields.TryGetFixed(11, 3, out var geoidSeparation);
        _status = _status with
        {
            Fix = fix,
            Satellites = (int)satellites,
            HdopHundredths = (int)hdop,
            LatitudeE7 = latitude,
            LongitudeE7 = longitude,
            AltitudeMillimetres = (int)altitude,
            GeoidSeparationMillimetres = (int)geoidSeparation,
            LastFixUnixMicroseconds = arrivalUnixMicroseconds,
            // A GSA, when the receiver sends one, says 2-D or 3-D; until then an altitude means 3-D.
            Dimensions = _status.Dimensions != 0 ? _status.Dimensions : hasAltitude ? 3 : 2,
            HorizontalErrorMillimetres = _hasGst && _status.HorizontalErrorMillimetres > 0
                ? _status.HorizontalErrorMillimetres
                : (int)Math.Min(int.MaxValue, hdop * HdopErrorMillimetres / 100),
        };
        return true;
    }

    // GSA: 1 selection mode (M/A), 2 fix mode (1 none, 2 2-D, 3 3-D).
    private bool ApplyGsa()
    {
        if (!_fields.TryGetFixed(2, 0, out var mode) || mode < 1 || mode > 3)
        {
            return false;
        }

        _status = _status with { Dimensions = mode == 1 ? 0 : (int)mode };
        return true;
    }

    // GST: 6 latitude error sigma (m), 7 longitude error sigma (m).
    private bool ApplyGst()
    {
        if (!_fields.TryGetFixed(6, 3, out var latitudeSigma) || !_fields.TryGetFixed(7, 3, out var longitudeSigma) || latitudeSigma < 0 || longitudeSigma < 0)
        {
            return false;
        }

        _hasGst = true;
        var error = Math.Sqrt(((double)latitudeSigma * latitudeSigma) + ((double)longitudeSigma * longitudeSigma));
        _status = _status with { HorizontalErrorMillimetres = (int)Math.Min(int.MaxValue, Math.Round(error)) };
        return true;
    }

    // RMC: 1 time, 2 status (A valid, V warning), 3-4 latitude, 5-6 longitude, 9 date ddmmyy.
    private bool ApplyRmc(long arrivalUnixMicroseconds)
    {
        if (_fields.FirstChar(2) != 'A')
        {
            _status = _status with { Fix = GnssFixQuality.None };
            return _fields.FirstChar(2) == 'V';
        }

        if (!TryGetTimeOfDay(1, out var timeOfDay) || !_fields.TryGetFixed(9, 0, out var date))
        {
            return false;
        }

        var day = (int)(date / 10000);
        var month = (int)(date / 100 % 100);
        var year = 2000 + (int)(date % 100);
        if (day < 1 || month < 1 || month > 12 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var utc = (new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000) + timeOfDay;
        _status = _status with
        {
            Fix = _status.Fix == GnssFixQuality.None ? GnssFixQuality.Gnss : _status.Fix,
            LastFixUnixMicroseconds = arrivalUnixMicroseconds,
            ReceiverUnixMicroseconds = utc,
            ReceiverMinusClockMicroseconds = utc - arrivalUnixMicroseconds,
        };
        if (TryGetCoordinate(3, 'N', 'S', 90, out var latitude) && TryGetCoordinate(5, 'E', 'W', 180, out var longitude))
        {
            _status = _status with { LatitudeE7 = latitude, LongitudeE7 = longitude };
        }

        return true;
    }

    // hhmmss[.sss] → microseconds of the UTC day.
    private bool TryGetTimeOfDay(int index, out long microseconds)
    {
        microseconds = 0;
        if (!_fields.TryGetFixed(index, 3, out var value) || value < 0)
        {
            return false;
        }

        var hours = value / 10_000_000;
        var minutes = value / 100_000 % 100;
        var milliseconds = value % 100_000;
        if (hours > 23 || minutes > 59 || milliseconds >= 61_000)
        {
            return false;
        }

        microseconds = ((((hours * 60) + minutes) * 60_000) + milliseconds) * 1000;
        return microseconds < MicrosecondsPerDay + 1_000_000;
    }

    // (d)ddmm.mmmm and a hemisphere letter → degrees × 10⁷.
    private bool TryGetCoordinate(int index, char positive, char negative, int maxDegrees, out int valueE7)
    {
        valueE7 = 0;
        var hemisphere = _fields.FirstChar(index + 1);
        if (!_fields.TryGetFixed(index, 7, out var scaled) || scaled < 0 || (hemisphere != positive && hemisphere != negative))
        {
            return false;
        }

        var degrees = scaled / 1_000_000_000;
        var minutesE7 = scaled % 1_000_000_000;
        if (degrees > maxDegrees || minutesE7 >= 600_000_000)
        {
            return false;
        }

        var e7 = (degrees * 10_000_000) + (((minutesE7 * 2) + 60) / 120); // minutes / 60, rounded half up
        valueE7 = (int)(hemisphere == negative ? -e7 : e7);
        return true;
    }
}
