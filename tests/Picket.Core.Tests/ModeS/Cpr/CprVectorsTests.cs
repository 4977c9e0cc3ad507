using System.Globalization;
using System.Text.Json;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.ModeS.Cpr;

/// <summary>The 55 raw CPR vectors of <c>adsb/cpr_vectors.jsonl</c> (dump1090-fa's cprtests.c expectations, computed there in double precision).</summary>
public sealed class CprVectorsTests(ITestOutputHelper output)
{
    private const double DegreesPerUnit = 360.0 / 4294967296.0;

    [Fact]
    public void Decode_EveryCprVector_MatchesReferenceWithinTolerance()
    {
        var checkedCount = 0;
        var failures = new List<string>();
        foreach (var line in File.ReadLines(SharedData.PathOf("adsb/cpr_vectors.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var v = document.RootElement;
            var tolerance = v.GetProperty("tol").GetDouble();
            var kind = v.GetProperty("kind").GetString();
            if (kind == "relative")
            {
                var cpr = v.GetProperty("cpr");
                var reference = v.GetProperty("ref");
                var ok = CprDecoder.TryDecodeLocal(cpr[0].GetInt32(), cpr[1].GetInt32(), v.GetProperty("fflag").GetInt32(), v.GetProperty("surface").GetInt32() == 1, ToUnits(reference[0].GetDouble()), ToUnits(reference[1].GetDouble()), out var lat, out var lon);
                Check(line, v.GetProperty("expect"), ok, lat, lon, tolerance, failures);
                checkedCount++;
                continue;
            }

            var even = v.GetProperty("even_cpr");
            var odd = v.GetProperty("odd_cpr");
            for (var oddIsNewer = 0; oddIsNewer <= 1; oddIsNewer++)
            {
                bool ok;
                int lat;
                int lon;
                if (kind == "global_airborne")
                {
                    ok = CprDecoder.TryDecodeGlobalAirborne(even[0].GetInt32(), even[1].GetInt32(), odd[0].GetInt32(), odd[1].GetInt32(), oddIsNewer == 1, out lat, out lon);
                }
                else
                {
                    var reference = v.GetProperty("ref");
                    ok = CprDecoder.TryDecodeGlobalSurface(even[0].GetInt32(), even[1].GetInt32(), odd[0].GetInt32(), odd[1].GetInt32(), oddIsNewer == 1, ToUnits(reference[0].GetDouble()), ToUnits(reference[1].GetDouble()), out lat, out lon);
                }

                Check(line + " fflag " + oddIsNewer.ToString(CultureInfo.InvariantCulture), v.GetProperty(oddIsNewer == 1 ? "expect_fflag1" : "expect_fflag0"), ok, lat, lon, tolerance, failures);
                checkedCount++;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedCount} decodes checked, {failures.Count} failed"));
        failures.ForEach(output.WriteLine);
        Assert.Equal(80, checkedCount); // 30 relative, 2 x 2 airborne pairs, 23 x 2 surface pairs
        Assert.Empty(failures);
    }

    internal static int ToUnits(double degrees) => (int)(long)Math.Round(degrees / DegreesPerUnit);

    internal static double ToDegrees(int units) => units * DegreesPerUnit;

    private static void Check(string label, JsonElement expect, bool ok, int lat, int lon, double tolerance, List<string> failures)
    {
        var shouldSucceed = expect.GetProperty("result").GetInt32() == 0;
        if (ok != shouldSucceed)
        {
            failures.Add($"{label}: result {ok}, expected {shouldSucceed}");
            return;
        }

        if (!ok)
        {
            return;
        }

        // The expectations are printed to 6 decimals: allow their rounding on top of the stated tolerance.
        var slack = tolerance + 5e-7;
        if (Math.Abs(ToDegrees(lat) - expect.GetProperty("lat").GetDouble()) > slack || Math.Abs(ToDegrees(lon) - expect.GetProperty("lon").GetDouble()) > slack)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: decoded {ToDegrees(lat):F7},{ToDegrees(lon):F7}"));
        }
    }
}
