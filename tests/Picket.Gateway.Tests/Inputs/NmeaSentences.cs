using System.Globalization;
using System.Text;

namespace Picket.Gateway.Inputs;

/// <summary>NMEA 0183 sentences for tests, with the checksum computed here (XOR of the bytes between '$' and '*', NMEA 0183 section 5.2.1).</summary>
internal static class NmeaSentences
{
    /// <summary>48°07.038' N 11°31.000' E (48.1173°, 11.516666667°), fix 1, 8 satellites, the given HDOP, 545.4 m MSL, geoid separation 46.9 m.</summary>
    public static string Gga(string hdop, int quality = 1, string time = "123519.00") =>
        Sentence($"GPGGA,{time},4807.038,N,01131.000,E,{quality.ToString(CultureInfo.InvariantCulture)},08,{hdop},545.4,M,46.9,M,,");

    /// <summary>A good fix as a receiver sends it each second: GGA with the given HDOP, GSA 3-D, RMC.</summary>
    /// <remarks>gpsd takes a cycle's sentences once per time of day: a changed fix needs a new <paramref name="time"/>.</remarks>
    public static string Fix(string hdop, string time = "123519.00") => Gga(hdop, time: time) + Gsa(3) + Rmc(time);

    /// <summary>No fix as a receiver sends it: GGA quality 0 without a position, GSA mode 1, RMC status V (gpsd then reports TPV mode 1).</summary>
    public static string NoFix() =>
        Sentence("GPGGA,123520.00,,,,,0,00,99.99,,,,,,") + Sentence("GPGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99") + Sentence("GPRMC,123520.00,V,,,,,,,031226,,,N");

    /// <summary>The same place and time (2026-12-03 12:35:19 UTC), status A.</summary>
    public static string Rmc(string time = "123519.00") => Sentence($"GPRMC,{time},A,4807.038,N,01131.000,E,0.0,0.0,031226,,,A");

    /// <summary>GSA with fix mode 1 (none), 2 (2-D) or 3 (3-D).</summary>
    public static string Gsa(int mode) => Sentence($"GPGSA,A,{mode.ToString(CultureInfo.InvariantCulture)},04,05,,09,12,,,24,,,,,2.5,1.3,2.1");

    /// <summary>GST with latitude and longitude error sigmas, metres.</summary>
    public static string Gst(string latitudeSigma, string longitudeSigma) => Sentence($"GPGST,123519.00,2.5,3.0,2.0,45.0,{latitudeSigma},{longitudeSigma},5.0");

    /// <summary>The UTC of <see cref="Rmc"/>, µs since the Unix epoch.</summary>
    public static long RmcUnixMicroseconds { get; } = new DateTimeOffset(2026, 12, 3, 12, 35, 19, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    public static string Sentence(string body)
    {
        byte checksum = 0;
        foreach (var b in Encoding.ASCII.GetBytes(body))
        {
            checksum ^= b;
        }

        return "$" + body + "*" + checksum.ToString("X2", CultureInfo.InvariantCulture) + "\r\n";
    }
}
