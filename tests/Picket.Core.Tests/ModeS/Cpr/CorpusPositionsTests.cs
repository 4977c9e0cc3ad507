using System.Globalization;
using System.Text.Json;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.ModeS.Cpr;

/// <summary>
/// The <c>positions</c> of <c>adsb/messages.jsonl</c>: global airborne and surface pairs and
/// local decodes against a reference, each with the independent expectation and tolerance of
/// its source. (The 728 <c>frame_position</c> entries from the ULSS7 capture are checked
/// frame by frame in <c>BeastCaptureEndToEndTests</c>; the 8 of the rs1090 stream here.)
/// </summary>
public sealed class CorpusPositionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Decode_CorpusPairsAndLocalReferences_MatchExpectedPositions()
    {
        var checkedCount = 0;
        var failures = new List<string>();
        var stream = new List<(double Time, byte[] Frame, double Lat, double Lon, double Tol)>();
        foreach (var line in File.ReadLines(SharedData.PathOf("adsb/messages.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("positions", out var positions))
            {
                continue;
            }

            var hex = root.GetProperty("hex").GetString()!;
            var message = Decode(hex);
            foreach (var p in positions.EnumerateArray())
            {
                var method = p.GetProperty("method").GetString();
                var tolerance = p.GetProperty("tol").GetDouble();
                var lat = p.GetProperty("lat").GetDouble();
                var lon = p.GetProperty("lon").GetDouble();
                if (method == "frame_position")
                {
                    if (p.GetProperty("source").GetString()!.Contains("rs1090", StringComparison.Ordinal))
                    {
                        stream.Add((p.GetProperty("t").GetDouble(), Hex.ToBytes(hex), lat, lon, tolerance));
                    }

                    continue;
                }

                bool ok;
                int decodedLat;
                int decodedLon;
                if (method is "global_airborne_pair" or "global_surface_pair")
                {
                    var pair = Decode(p.GetProperty("pair_hex").GetString()!);
                    var thisIsNewer = p.GetProperty("t").GetDouble() >= p.GetProperty("pair_t").GetDouble();
                    var even = message.CprFormat == 0 ? message : pair;
                    var odd = message.CprFormat == 0 ? pair : message;
                    var oddIsNewer = thisIsNewer == (message.CprFormat == 1);
                    if (method == "global_airborne_pair")
                    {
                        ok = CprDecoder.TryDecodeGlobalAirborne(even.CprLatitude, even.CprLongitude, odd.CprLatitude, odd.CprLongitude, oddIsNewer, out decodedLat, out decodedLon);
                    }
                    else
                    {
                        var reference = p.GetProperty("ref");
                        ok = CprDecoder.TryDecodeGlobalSurface(even.CprLatitude, even.CprLongitude, odd.CprLatitude, odd.CprLongitude, oddIsNewer, CprVectorsTests.ToUnits(reference[0].GetDouble()), CprVectorsTests.ToUnits(reference[1].GetDouble()), out decodedLat, out decodedLon);
                    }

                    // The expectation is the newer frame's position: when the pair is the newer one, compare with it.
                    if (!thisIsNewer)
                    {
                        continue;
                    }
                }
                else
                {
                    var reference = p.GetProperty("ref");
                    ok = CprDecoder.TryDecodeLocal(message.CprLatitude, message.CprLongitude, message.CprFormat, message.CprSurface, CprVectorsTests.ToUnits(reference[0].GetDouble()), CprVectorsTests.ToUnits(reference[1].GetDouble()), out decodedLat, out decodedLon);
                }

                checkedCount++;
                if (!ok || Math.Abs(CprVectorsTests.ToDegrees(decodedLat) - lat) > tolerance || Math.Abs(CprVectorsTests.ToDegrees(decodedLon) - lon) > tolerance)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{hex} {method}: ok={ok} decoded {CprVectorsTests.ToDegrees(decodedLat):F6},{CprVectorsTests.ToDegrees(decodedLon):F6} expected {lat},{lon} tol {tolerance}"));
                }
            }
        }

        checkedCount += CheckStream(stream, failures);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedCount} positions checked, {failures.Count} failed"));
        failures.ForEach(output.WriteLine);
        Assert.True(checkedCount > 400, "too few positions checked");
        Assert.Empty(failures);
    }

    private static int CheckStream(List<(double Time, byte[] Frame, double Lat, double Lon, double Tol)> stream, List<string> failures)
    {
        // The rs1090 regression stream: frames of one aircraft through the position table in time order.
        var table = new AircraftPositionTable(64, new PositionLimits());
        var reported = 0;
        foreach (var (time, frame, lat, lon, tol) in stream.OrderBy(s => s.Time))
        {
            var message = default(ModeSMessage);
            ModeSDecoder.Decode(frame, 0, frame.Length, null, 0, 0, ref message);
            var status = table.Update(ref message, (long)(time * PositionLimits.TicksPerSecond), out var decodedLat, out var decodedLon);
            if (status is not (PositionStatus.Confirmed or PositionStatus.Unconfirmed))
            {
                continue;
            }

            reported++;
            if (Math.Abs(CprVectorsTests.ToDegrees(decodedLat) - lat) > tol || Math.Abs(CprVectorsTests.ToDegrees(decodedLon) - lon) > tol)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"rs1090 stream t={time}: {status} {CprVectorsTests.ToDegrees(decodedLat):F5},{CprVectorsTests.ToDegrees(decodedLon):F5} expected {lat},{lon}"));
            }
        }

        return reported;
    }

    private static ModeSMessage Decode(string hex)
    {
        var frame = Hex.ToBytes(hex);
        var message = default(ModeSMessage);
        ModeSDecoder.Decode(frame, 0, frame.Length, null, 0, 0, ref message);
        return message;
    }
}
