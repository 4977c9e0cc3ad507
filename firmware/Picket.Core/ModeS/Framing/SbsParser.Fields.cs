namespace Picket.ModeS.Framing;

/// <summary>Field parsing of <see cref="SbsParser"/>: integers and decimals read in place, without strings.</summary>
public sealed partial class SbsParser
{
    private bool ParseFields(SbsRecord record, int fields)
    {
        long value;
        if (Start(1) < End(1))
        {
            if (!TryParseDecimal(Start(1), End(1), 0, out value) || value < 0 || value > 8)
            {
                return false;
            }

            record.TransmissionType = (int)value;
        }

        if (Start(4) < End(4))
        {
            if (!TryParseHex(Start(4), End(4), out var address))
            {
                return false;
            }

            record.HasAddress = true;
            record.Address = address;
        }

        if (Start(6) < End(6) && Start(7) < End(7) && TryParseDate(Start(6), End(6), out var date) && TryParseTime(Start(7), End(7), out var time))
        {
            record.HasGeneratedTime = true;
            record.GeneratedDate = date;
            record.GeneratedTimeOfDayMilliseconds = time;
        }

        if (fields < FieldCount)
        {
            return true;
        }

        ParseCallsign(record, Start(10), End(10));
        var ok = Optional(11, 0, out record.HasAltitude, out value);
        record.AltitudeFeet = (int)value;
        ok &= Optional(12, 3, out record.HasGroundSpeed, out value);
        record.GroundSpeedMilliknots = (int)value;
        ok &= Optional(13, 3, out record.HasTrack, out value);
        record.TrackMillidegrees = (int)value;
        ok &= Optional(14, 7, out var hasLatitude, out value);
        record.LatitudeE7 = (int)value;
        ok &= Optional(15, 7, out var hasLongitude, out value);
        record.LongitudeE7 = (int)value;
        record.HasPosition = hasLatitude && hasLongitude;
        ok &= Optional(16, 0, out record.HasVerticalRate, out value);
        record.VerticalRateFeetPerMinute = (int)value;
        if (Start(17) < End(17))
        {
            ok &= TryParseOctal(Start(17), End(17), out var squawk);
            record.HasSquawk = ok;
            record.Squawk = squawk;
        }

        for (var flag = 0; flag < 4; flag++)
        {
            if (Start(18 + flag) < End(18 + flag))
            {
                ok &= TryParseDecimal(Start(18 + flag), End(18 + flag), 0, out value);
                record.FlagsPresent |= 1 << flag;
                record.Flags |= value != 0 ? 1 << flag : 0;
            }
        }

        return ok;
    }

    private bool Optional(int field, int fractionDigits, out bool has, out long value)
    {
        value = 0;
        has = false;
        if (Start(field) >= End(field))
        {
            return true;
        }

        has = TryParseDecimal(Start(field), End(field), fractionDigits, out value);
        return has;
    }

    private void ParseCallsign(SbsRecord record, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end && i - start < record.Callsign.Length; i++)
        {
            record.Callsign[i - start] = (char)_line[i];
            if (_line[i] != ' ')
            {
                count = i - start + 1;
            }
        }

        record.CallsignLength = count;
    }

    /// <summary>A base-10 number like "-118.25598" scaled by 10^fractionDigits (extra digits truncated).</summary>
    private bool TryParseDecimal(int start, int end, int fractionDigits, out long value)
    {
        value = 0;
        var negative = _line[start] == '-';
        var i = negative || _line[start] == '+' ? start + 1 : start;
        var digits = 0;
        var fraction = -1;
        for (; i < end; i++)
        {
            var c = _line[i];
            if (c == '.' && fraction < 0)
            {
                fraction = 0;
                continue;
            }

            if (c < '0' || c > '9' || digits > 15)
            {
                return false;
            }

            digits++;
            if (fraction >= 0)
            {
                if (fraction == fractionDigits)
                {
                    continue;
                }

                fraction++;
            }

            value = (value * 10) + (c - '0');
        }

        for (var f = fraction < 0 ? 0 : fraction; f < fractionDigits; f++)
        {
            value *= 10;
        }

        value = negative ? -value : value;
        return digits > 0;
    }

    private bool TryParseHex(int start, int end, out uint value)
    {
        value = 0;
        if (end - start > 6)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = _line[i];
            int nibble = c >= '0' && c <= '9' ? c - '0' : (c >= 'A' && c <= 'F' ? c - 'A' + 10 : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1));
            if (nibble < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)nibble;
        }

        return true;
    }

    private bool TryParseOctal(int start, int end, out int value)
    {
        value = 0;
        if (end - start != 4)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (_line[i] < '0' || _line[i] > '7')
            {
                return false;
            }

            value = (value << 3) | (_line[i] - '0');
        }

        return true;
    }

    private bool TryParseDate(int start, int end, out int date)
    {
        // yyyy/mm/dd
        date = 0;
        if (end - start != 10 || _line[start + 4] != '/' || _line[start + 7] != '/')
        {
            return false;
        }

        return TryDigits(start, 4, out var year) & TryDigits(start + 5, 2, out var month) & TryDigits(start + 8, 2, out var day)
            && (date = (year * 10000) + (month * 100) + day) > 0;
    }

    private bool TryParseTime(int start, int end, out int milliseconds)
    {
        // hh:mm:ss or hh:mm:ss.fff
        milliseconds = 0;
        if (end - start < 8 || _line[start + 2] != ':' || _line[start + 5] != ':')
        {
            return false;
        }

        if (!(TryDigits(start, 2, out var hours) & TryDigits(start + 3, 2, out var minutes) & TryDigits(start + 6, 2, out var seconds)))
        {
            return false;
        }

        long fraction = 0;
        if (end - start > 9 && _line[start + 8] == '.' && !TryParseDecimal(start + 8, end, 3, out fraction))
        {
            return false;
        }

        milliseconds = (((((hours * 60) + minutes) * 60) + seconds) * 1000) + (int)fraction;
        return hours < 24 && minutes < 60 && seconds < 61;
    }

    private bool TryDigits(int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (_line[i] < '0' || _line[i] > '9')
            {
                return false;
            }

            value = (value * 10) + (_line[i] - '0');
        }

        return true;
    }
}
