using Picket.ModeS.Cpr;
using Xunit.Abstractions;

namespace Picket.ModeS.Encoders;

/// <summary>
/// Re-encodes real DF17 messages of <c>adsb/messages.jsonl</c> from the values independent
/// decoders (dump1090, pyModeS, rs1090, adsb_deku) found in them, and requires the original
/// hex bit for bit, parity included.
/// </summary>
public sealed class ExtendedSquitterEncoderCorpusTests(ITestOutputHelper output)
{
    private static readonly CorpusMessage[] Corpus = CorpusMessage.ExtendedSquitters().ToArray();

    [Fact]
    public void EncodeIdentification_CorpusCallsigns_ReproduceOriginalHex()
    {
        var encoded = 0;
        foreach (var m in Corpus.Where(m => m.Has("callsign") && m.Has("emitter_category")))
        {
            var category = m.Text("emitter_category"); // e.g. "A3": set A-D, category 0-7
            Assert.True(CallsignAlphabet.TryPack(m.Text("callsign"), out var characters), m.Hex);
            var buffer = new byte[14];
            var length = ExtendedSquitterEncoder.EncodeIdentification(
                m.Address, m.Has("capability") ? (int)m.Number("capability") : m.Capability, category[0] - 'A' + 1, category[1] - '0', characters, buffer, 0);

            Assert.Equal(14, length);
            Assert.Equal(m.Hex, Convert.ToHexString(buffer));
            encoded++;
        }

        output.WriteLine($"{encoded} identification messages reproduced");
        Assert.True(encoded >= 13);
    }

    [Fact]
    public void EncodeAirbornePosition_CorpusAltitudeAndCprFields_ReproduceOriginalHex()
    {
        var encoded = 0;
        var gillham = 0;
        foreach (var m in Corpus.Where(m => m.TypeCode is >= 9 and <= 18 && m.Has("altitude_ft") && m.Has("cpr_lat")))
        {
            if (m.Raw(48, 48) == 0)
            {
                gillham++; // Q = 0: 100 ft Gillham code, which the encoder does not produce
                continue;
            }

            Assert.True(AltitudeCode.TryEncode12((int)m.Number("altitude_ft"), out var altitudeCode), m.Hex);
            var buffer = new byte[14];
            var length = ExtendedSquitterEncoder.EncodeAirbornePosition(
                m.Address,
                m.Capability,
                m.TypeCode,
                (int)m.Raw(38, 39), // SS: not among the corpus fields
                m.Raw(40, 40) == 1, // NIC-B
                altitudeCode,
                m.Raw(53, 53) == 1, // T
                (int)m.Number("cpr_format"),
                (int)m.Number("cpr_lat"),
                (int)m.Number("cpr_lon"),
                buffer,
                0);

            Assert.Equal(14, length);
            Assert.Equal(m.Hex, Convert.ToHexString(buffer));
            encoded++;
        }

        output.WriteLine($"{encoded} airborne positions reproduced, {gillham} Gillham-coded skipped");
        Assert.True(encoded >= 700);
    }

    [Fact]
    public void EncodeAirborne_CorpusFramePositions_ReproduceCprFields()
    {
        // dump1090's decoded position of each frame (5 decimals: within 0.11 of a CPR step) encodes
        // back to the frame's own CPR fields.
        var encoded = 0;
        foreach (var m in Corpus.Where(m => m.Positions is not null && m.Has("cpr_lat") && m.TypeCode is >= 9 and <= 18))
        {
            foreach (var p in m.Positions!.Value.EnumerateArray())
            {
                if (p.GetProperty("method").GetString() != "frame_position" || p.GetProperty("tol").GetDouble() > 1e-5)
                {
                    continue;
                }

                var latitude = ToBinaryAngle(p.GetProperty("lat").GetDouble());
                var longitude = ToBinaryAngle(p.GetProperty("lon").GetDouble());
                CprEncoder.EncodeAirborne(latitude, longitude, (int)m.Number("cpr_format"), out var cprLatitude, out var cprLongitude);

                Assert.Equal((int)m.Number("cpr_lat"), cprLatitude);
                Assert.Equal((int)m.Number("cpr_lon"), cprLongitude);
                encoded++;
            }
        }

        output.WriteLine($"{encoded} frame positions encoded");
        Assert.True(encoded >= 500);
    }

    [Fact]
    public void EncodeVelocity_CorpusGroundVelocities_ReproduceOriginalHex()
    {
        var encoded = 0;
        var negativeZero = 0;
        var mismatches = new List<string>();
        foreach (var m in Corpus.Where(m => m.TypeCode == 19 && m.Raw(38, 40) == 1 && m.Has("groundspeed_kt") && m.Has("track_deg")))
        {
            // The components are raw fields (speed + 1 with a direction bit); they must agree with
            // the corpus's ground speed and track (some decoders truncate the speed to whole knots).
            var east = ((int)m.Raw(47, 56) - 1) * (m.Raw(46, 46) == 1 ? -1 : 1);
            var north = ((int)m.Raw(58, 67) - 1) * (m.Raw(57, 57) == 1 ? -1 : 1);
            Assert.InRange(Math.Sqrt((east * east) + (north * north)) - m.Number("groundspeed_kt"), -0.5, 1.0); // rounded or truncated
            var track = Math.Atan2(east, north) * 180 / Math.PI;
            
            // Some decoders give whole degrees; at low speed one knot of truncation turns the track further.
            var trackTolerance = 2.0 + (Math.Atan2(1, m.Number("groundspeed_kt")) * 180 / Math.PI);
            Assert.InRange(Math.Abs(Math.IEEERemainder(track - m.Number("track_deg"), 360)), 0, trackTolerance);
            if (m.Has("vertical_rate_fpm") && m.Number("vertical_rate_fpm") == 0 && m.Raw(69, 69) == 1)
            {
                negativeZero++; // "down, 0 fpm": the sign of a zero rate is not a value an int carries
                continue;
            }

            var velocity = new GroundVelocity
            {
                EastKnots = east,
                NorthKnots = north,
                HasVerticalRate = m.Has("vertical_rate_fpm"),
                VerticalRateFeetPerMinute = m.Has("vertical_rate_fpm") ? (int)m.Number("vertical_rate_fpm") : 0,
                BarometricVerticalRate = m.Raw(68, 68) == 1, // source bit: the corpus names it only for some messages
                HasGeometricMinusBarometric = m.Raw(82, 88) != 0,
                GeometricMinusBarometricFeet = m.Has("geo_minus_baro_ft") ? (int)m.Number("geo_minus_baro_ft") : RawDifference(m),
                NacV = (int)m.Raw(43, 45),
                IntentChange = m.Raw(41, 41) == 1,
                IfrCapability = m.Raw(42, 42) == 1,
                TurnIndicator = (int)m.Raw(79, 80),
            };
            var buffer = new byte[14];
            var capability = m.Has("capability") ? (int)m.Number("capability") : m.Capability;
            Assert.Equal(14, ExtendedSquitterEncoder.EncodeVelocity(m.Address, capability, ref velocity, buffer, 0));
            if (Convert.ToHexString(buffer) != m.Hex)
            {
                mismatches.Add($"{m.Hex} encoded {Convert.ToHexString(buffer)}");
            }

            encoded++;
        }

        output.WriteLine($"{encoded} velocities encoded, {mismatches.Count} differ, {negativeZero} with a downward zero rate skipped");
        output.WriteLine(string.Join('\n', mismatches));
        Assert.True(encoded >= 250);
        Assert.Empty(mismatches);
    }

    /// <summary>GNSS minus baro from the raw bits 81-88 (sign, 25 ft units plus one), for messages whose decoders did not report it.</summary>
    private static int RawDifference(CorpusMessage m) => ((int)m.Raw(82, 88) - 1) * 25 * (m.Raw(81, 81) == 1 ? -1 : 1);

    private static int ToBinaryAngle(double degrees) => (int)(long)Math.Round(degrees / 360 * 4294967296.0);
}
