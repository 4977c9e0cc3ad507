using System.Text;
using Picket.Simulation.Geodesy;

namespace Picket.Simulation.Playback;

/// <summary>The GNSS output's sentences, against NMEA 0183's own example and hand-worked fields.</summary>
public sealed class NmeaSentencesTests
{
    [Fact]
    public void Sentence_TheStandardGgaExample_ChecksumIs47()
    {
        // The GGA example every NMEA 0183 reference quotes, with its published checksum.
        Assert.Equal("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n", NmeaSentences.Sentence("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"));
    }

    [Fact]
    public void Fix_GulfOfFinlandSite_GgaAndRmcWithHandWorkedFields()
    {
        // 59.52° = 59° 31.2'; 26.54° = 26° 32.4'; 60 m; 2026-09-19 09:46:07.25 UTC.
        var text = Encoding.ASCII.GetString(NmeaSentences.Fix(new GeoPosition(59.52, 26.54, 60), new DateTimeOffset(2026, 9, 19, 9, 46, 7, 250, TimeSpan.Zero)));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("$GPGGA,094607.25,5931.20000,N,02632.40000,E,1,10,0.9,60.0,M,0.0,M,,*", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("$GPRMC,094607.25,A,5931.20000,N,02632.40000,E,0.0,0.0,190926,,,A*", lines[1], StringComparison.Ordinal);
        foreach (var line in lines)
        {
            var star = line.IndexOf('*', StringComparison.Ordinal);
            var checksum = 0;
            foreach (var c in line[1..star])
            {
                checksum ^= c;
            }

            Assert.Equal(checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture), line[(star + 1)..]);
        }
    }

    [Fact]
    public void Fix_SouthWest_Hemispheres()
    {
        var text = Encoding.ASCII.GetString(NmeaSentences.Fix(new GeoPosition(-33.5, -70.25, 500), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.Contains(",3330.00000,S,07015.00000,W,", text, StringComparison.Ordinal);
    }
}
