using System.Globalization;
using System.Text;
using Picket.Simulation.Geodesy;

namespace Picket.Simulation.Playback;

/// <summary>
/// The GNSS receiver of a fixed mast: GGA (fix quality 1, 10 satellites, HDOP 0.9, altitude above
/// mean sea level with a 0 geoid separation) and RMC (status A, not moving) for one UTC second,
/// as NMEA 0183 4.x sentences with their checksums (XOR of the characters between '$' and '*').
/// </summary>
public static class NmeaSentences
{
    /// <summary>The GGA and RMC sentences for <paramref name="time"/> at <paramref name="site"/>, CR LF after each.</summary>
    /// <param name="site">The receiver's position.</param>
    /// <param name="time">UTC.</param>
    /// <returns>ASCII bytes.</returns>
    public static byte[] Fix(GeoPosition site, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var clock = utc.ToString("HHmmss.ff", CultureInfo.InvariantCulture);
        var (latitude, north) = Angle(site.LatitudeDegrees, 2);
        var (longitude, east) = Angle(site.LongitudeDegrees, 3);
        var gga = string.Create(CultureInfo.InvariantCulture, $"GPGGA,{clock},{latitude},{(north ? 'N' : 'S')},{longitude},{(east ? 'E' : 'W')},1,10,0.9,{site.HeightMetres:F1},M,0.0,M,,");
        var rmc = string.Create(CultureInfo.InvariantCulture, $"GPRMC,{clock},A,{latitude},{(north ? 'N' : 'S')},{longitude},{(east ? 'E' : 'W')},0.0,0.0,{utc:ddMMyy},,,A");
        return Encoding.ASCII.GetBytes(Sentence(gga) + Sentence(rmc));
    }

    /// <summary>Wraps a sentence body in '$', '*', its checksum and CR LF.</summary>
    /// <param name="body">The characters between '$' and '*'.</param>
    /// <returns>The sentence.</returns>
    public static string Sentence(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var checksum = 0;
        foreach (var c in body)
        {
            checksum ^= c;
        }

        return string.Create(CultureInfo.InvariantCulture, $"${body}*{checksum:X2}\r\n");
    }

    // ddmm.mmmmm / dddmm.mmmmm: whole degrees, then minutes with five decimals (about 2 cm).
    private static (string Text, bool Positive) Angle(double degrees, int degreeDigits)
    {
        var magnitude = Math.Abs(degrees);
        var whole = (int)Math.Floor(magnitude);
        var minutes = Math.Round((magnitude - whole) * 60, 5);
        if (minutes >= 60)
        {
            whole++;
            minutes -= 60;
        }

        var text = whole.ToString(new string('0', degreeDigits), CultureInfo.InvariantCulture) + minutes.ToString("00.00000", CultureInfo.InvariantCulture);
        return (text, degrees >= 0);
    }
}
