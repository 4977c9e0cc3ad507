using Xunit.Abstractions;

namespace Picket.ModeS.Cpr;

/// <summary>
/// The integer CPR encoder against the DO-260B A.1.7.3 formulas evaluated in double precision
/// here (NL from its closed form, not from the core's table), and against the core's decoder.
/// </summary>
public sealed class CprEncoderTests(ITestOutputHelper output)
{
    private const double TwoTo32 = 4294967296.0;

    [Fact]
    public void EncodeAirborne_RandomPositions_MatchDoublePrecisionSpecFormulas()
    {
        var random = new Random(20261125);
        var compared = 0;
        var nearBoundary = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var latitude = random.Next(-(1 << 30), (1 << 30) + 1);
            var longitude = random.Next(int.MinValue, int.MaxValue);
            var format = i & 1;
            if (!Reference(latitude * 360.0 / TwoTo32, longitude * 360.0 / TwoTo32, format, out var yz, out var xz))
            {
                nearBoundary++; // within 1e-9 of a rounding step or an NL change: double and integer may fairly differ
                continue;
            }

            CprEncoder.EncodeAirborne(latitude, longitude, format, out var cprLatitude, out var cprLongitude);
            Assert.Equal(yz, cprLatitude);
            Assert.Equal(xz, cprLongitude);
            compared++;
        }

        output.WriteLine($"{compared} positions compared, {nearBoundary} on a boundary skipped");
        Assert.True(nearBoundary < 20);
    }

    [Fact]
    public void EncodeAirborne_EvenOddPairs_GlobalDecodeWithinHalfACprStep()
    {
        // Round trip through the core's global decoder: the result is the newer frame's position
        // quantised to the nearest CPR step: Dlat / 2^17 = 5.1 m in latitude, less in longitude.
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var latitude = (int)Math.Round(((random.NextDouble() * 174) - 87) / 360 * TwoTo32); // -87 to 87 deg
            var longitude = random.Next(int.MinValue, int.MaxValue);
            CprEncoder.EncodeAirborne(latitude, longitude, 0, out var evenLatitude, out var evenLongitude);
            CprEncoder.EncodeAirborne(latitude, longitude, 1, out var oddLatitude, out var oddLongitude);
            Assert.True(CprDecoder.TryDecodeGlobalAirborne(evenLatitude, evenLongitude, oddLatitude, oddLongitude, i % 2 == 1, out var decodedLatitude, out var decodedLongitude), $"{latitude} {longitude}");

            // Half a latitude step is 2^32 / 59 / 2^18 binary units; half a longitude step, 2^32 / NL / 2^18.
            var zones = Math.Max(LongitudeZones.Of(latitude) - (i % 2), 1);
            Assert.InRange(Math.Abs((long)decodedLatitude - latitude), 0, (TwoTo32 / 59 / 262144) + 1);
            Assert.InRange(Math.Abs((long)(int)((uint)decodedLongitude - (uint)longitude)), 0, (TwoTo32 / zones / 262144) + 1);
        }
    }

    /// <summary>DO-260B A.1.7.3 in doubles; false when a rounding or NL boundary is too close to call.</summary>
    private static bool Reference(double latitude, double longitude, int format, out int yz, out int xz)
    {
        yz = 0;
        xz = 0;
        var dlat = 360.0 / (60 - format);
        var latitudeSteps = (131072.0 * Modulo(latitude, dlat) / dlat) + 0.5;
        var yzUnwrapped = Math.Floor(latitudeSteps);
        var rlat = dlat * ((yzUnwrapped / 131072.0) + Math.Floor(latitude / dlat));
        var nl = NumberOfLongitudeZones(rlat);
        var dlon = 360.0 / Math.Max(nl - format, 1);
        var longitudeSteps = (131072.0 * Modulo(longitude, dlon) / dlon) + 0.5;
        yz = (int)yzUnwrapped & 0x1FFFF;
        xz = (int)Math.Floor(longitudeSteps) & 0x1FFFF;
        return Math.Abs(latitudeSteps - Math.Round(latitudeSteps)) > 1e-6
            && Math.Abs(longitudeSteps - Math.Round(longitudeSteps)) > 1e-6
            && nl == NumberOfLongitudeZones(rlat + 1e-7) && nl == NumberOfLongitudeZones(rlat - 1e-7);
    }

    private static double Modulo(double x, double y) => x - (y * Math.Floor(x / y));

    /// <summary>NL(lat) = floor(2 pi / acos(1 - (1 - cos(pi / 30)) / cos^2(lat))), A.1.7.2 d.</summary>
    private static int NumberOfLongitudeZones(double latitude)
    {
        if (Math.Abs(latitude) >= 87)
        {
            return Math.Abs(latitude) == 87 ? 2 : 1;
        }

        if (latitude == 0)
        {
            return 59;
        }

        var cosine = Math.Cos(Math.PI / 180 * latitude);
        return (int)Math.Floor(2 * Math.PI / Math.Acos(1 - ((1 - Math.Cos(Math.PI / 30)) / (cosine * cosine))));
    }
}
