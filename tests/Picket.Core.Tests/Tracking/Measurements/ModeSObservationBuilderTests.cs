using Picket.ModeS;
using Picket.ModeS.Cpr;

namespace Picket.Tracking.Measurements;

/// <summary>
/// Decoded Mode S messages to tracker observations. Frames are real captures from
/// ../shared/data/adsb/messages.jsonl and the pyModeS sample; their expected fields are the
/// corpus's (independent decoders); sigmas follow AdsbQualityTests.
/// </summary>
public class ModeSObservationBuilderTests
{
    [Theory]
    [InlineData("92A24528993C238900062053CDEF", true)] // DF18 CF 2 (fine TIS-B), TC 19
    [InlineData("96A082FB213B1CF2113820D6EDDF", true)] // DF18 CF 6 (ADS-R), TC 4 "N132DS"
    [InlineData("911C059D9805A452CF109F64924F", false)] // DF18 CF 1 (non-transponder device), TC 19
    [InlineData("8D406B909945DE10000405999BE4", false)] // DF17, TC 19
    public void TryBuild_Df18ControlField_RelayedOnlyForTisBAndAdsR(string hex, bool relayed)
    {
        var message = Decode(hex);

        Assert.True(ModeSObservationBuilder.TryBuild(ref message, PositionStatus.NoPosition, 0, 0, 1, 0, out var observation));

        Assert.Equal(relayed, observation.IsRelayed);
        Assert.True(observation.IsExtendedSquitter);
    }

    [Fact]
    public void TryBuild_CoarseTisB_Nothing()
    {
        // The fine TIS-B frame above with CF 3 (bits 6-8 = 011) and its parity recomputed.
        var frame = Convert.FromHexString("92A24528993C238900062053CDEF");
        frame[0] = (18 << 3) | 3;
        var parity = Crc24.Compute(frame, 0, 11);
        frame[11] = (byte)(parity >> 16);
        frame[12] = (byte)(parity >> 8);
        frame[13] = (byte)parity;
        var message = default(ModeSMessage);
        Assert.True(ModeSDecoder.Decode(frame, 0, frame.Length, null, 0, 0, ref message));
        Assert.Equal(3, message.ControlField);

        Assert.False(ModeSObservationBuilder.TryBuild(ref message, PositionStatus.Confirmed, 1, 1, 1, 0, out _));
    }

    [Fact]
    public void TryBuild_Tc19WithGnssBaroDifference_CarriesTheDifferenceInMillimetres()
    {
        // Corpus: geo_minus_baro_ft 775, ground speed 78 kt, track 206°.
        var message = Decode("92A24528993C238900062053CDEF");

        ModeSObservationBuilder.TryBuild(ref message, PositionStatus.NoPosition, 0, 0, 1, 0, out var observation);

        Assert.True(observation.HasGeometricMinusBarometric);
        Assert.Equal(236_220, observation.GeometricMinusBarometricMillimetres); // 775 × 304.8
        Assert.True(observation.HasNacV);
        Assert.True(observation.HasVelocity);
    }

    [Theory]
    [InlineData("8D0D097EF8230007005AB8547268", 10)] // TC 31 version 2
    [InlineData("8D400159EA040834013C08ED981C", 9)] // TC 29 subtype 1
    public void TryBuild_OperationalStatusOrTargetState_CarriesNacP(string hex, int nacP)
    {
        var message = Decode(hex);

        ModeSObservationBuilder.TryBuild(ref message, PositionStatus.NoPosition, 0, 0, 1, 0, out var observation);

        Assert.True(observation.HasNacP);
        Assert.Equal(nacP, observation.NacP);
        Assert.False(observation.HasPosition);
    }

    [Fact]
    public void TryBuild_Tc11Position_SigmaFromItsContainmentRadiusNotTheDefault()
    {
        // TC 11: NIC 8, Rc < 0.1 NM: σ ≤ 185.2 / 5.678 = 32.617 m.
        var message = Decode("8D406B9058B975870B738754F480");

        ModeSObservationBuilder.TryBuild(ref message, PositionStatus.Confirmed, 0x2A000000, 0x01000000, 1, 25_000, out var observation);

        Assert.True(observation.HasPosition);
        Assert.Equal(32_617, observation.PositionSigmaMillimetres);
        Assert.True(observation.HasAltitude);
    }

    [Fact]
    public void TryBuild_GnssHeight_GeometricHeightNotPressureAltitude()
    {
        // TC 20-22 carry GNSS height above the ellipsoid (DO-260B 2.2.3.2.3.4.3).
        var message = new ModeSMessage
        {
            DownlinkFormat = 17,
            HasAddress = true,
            Address = 0x4CA2D6,
            HasTypeCode = true,
            TypeCode = 20,
            HasAltitude = true,
            AltitudeFeet = 10_000,
            AltitudeSource = AltitudeSource.Gnss,
        };

        ModeSObservationBuilder.TryBuild(ref message, PositionStatus.NoPosition, 0, 0, 1, 0, out var observation);

        Assert.False(observation.HasAltitude);
        Assert.True(observation.HasGeometricHeight);
        Assert.Equal(3_048_000, observation.GeometricHeightMillimetres);
    }

    private static ModeSMessage Decode(string hex)
    {
        var frame = Convert.FromHexString(hex);
        var message = default(ModeSMessage);
        Assert.True(ModeSDecoder.Decode(frame, 0, frame.Length, null, 0, 0, ref message));
        Assert.True(ModeSDecoder.IsTrusted(ref message));
        return message;
    }
}
