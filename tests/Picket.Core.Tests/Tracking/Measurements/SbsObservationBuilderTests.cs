using Picket.ModeS.Framing;

namespace Picket.Tracking.Measurements;

/// <summary>
/// SBS-1 lines (from ../shared/data/adsb) to observations, expected values worked by hand:
/// 1 kt = 1852/3600 m/s, east = v sin(track), north = v cos(track), 1 ft/min = 5.08 mm/s.
/// </summary>
public class SbsObservationBuilderTests
{
    private const long Time = 1_522_782_148_336_000;

    [Fact]
    public void TryBuild_Velocity418KnotsTrack170_EastAndNorthInMillimetresPerSecond()
    {
        // 418 kt = 215,037.8 mm/s; sin 170° = 0.173648, cos 170° = -0.984808.
        var observation = Build("MSG,4,1,1,42460C,1,2018/04/03,19:02:28.336,2018/04/10,21:24:39.437,,,418,170,,,0,,,,,0");

        Assert.Equal(0x42460C, observation.IcaoAddress);
        Assert.Equal(Time, observation.TimeUnixMicroseconds);
        Assert.True(observation.IsExtendedSquitter);
        Assert.True(observation.HasVelocity);
        Assert.InRange(observation.VelocityEastMillimetresPerSecond, 37_340, 37_342);
        Assert.InRange(observation.VelocityNorthMillimetresPerSecond, -211_772, -211_770);
        Assert.True(observation.HasVerticalRate);
        Assert.Equal(0, observation.VerticalRateMillimetresPerSecond);
        Assert.False(observation.HasPosition);
    }

    [Fact]
    public void TryBuild_Velocity298KnotsTrack96DescendingAt128FeetPerMinute()
    {
        // 298 kt = 153,304.4 mm/s: east 152,464.6, north -16,024.7; -128 ft/min = -650.24 mm/s.
        var observation = Build("MSG,4,,,76CCE2,,,,,,,,298,96,,,-128,,0,0,0,0");

        Assert.InRange(observation.VelocityEastMillimetresPerSecond, 152_464, 152_466);
        Assert.InRange(observation.VelocityNorthMillimetresPerSecond, -16_026, -16_024);
        Assert.Equal(-650, observation.VerticalRateMillimetresPerSecond);
    }

    [Fact]
    public void TryBuild_AirbornePosition_LatitudeLongitudeAndPressureAltitude()
    {
        var observation = Build("MSG,3,,,4B1908,,,,,,,2525,,,33.96693,-118.25598,,,0,0,0,0");

        Assert.True(observation.HasPosition);
        Assert.Equal(339_669_300, observation.LatitudeE7);
        Assert.Equal(-1_182_559_800, observation.LongitudeE7);
        Assert.Equal(0, observation.PositionSigmaMillimetres); // SBS has no NACp/NIC: the tracker's default
        Assert.True(observation.HasAltitude);
        Assert.Equal(2_525, observation.AltitudeFeet);
        Assert.False(observation.HasVelocity);
    }

    [Fact]
    public void TryBuild_Identification_CallsignPackedInIa5()
    {
        // U=21 T=20 A=1 4=52 7=55 0=48, two spaces (32) (DO-260B table A-7).
        const ulong Uta470 = (21UL << 42) | (20UL << 36) | (1UL << 30) | (52UL << 24) | (55UL << 18) | (48UL << 12) | (32UL << 6) | 32UL;

        var observation = Build("MSG,1,1,1,424263,1,2018/04/03,19:02:28.521,2018/04/10,21:24:39.440,UTA470  ,,,,,,,,,,,0");

        Assert.True(observation.HasCallsign);
        Assert.Equal(Uta470, observation.CallsignCharacters);
    }

    [Fact]
    public void TryBuild_SurveillanceIdentityReply_SquawkAndNotAnExtendedSquitter()
    {
        var observation = Build("MSG,6,1,1,400159,1,2018/04/03,19:02:28.367,2018/04/10,21:24:39.437,,,,,,,,1017,0,0,0,");

        Assert.False(observation.IsExtendedSquitter);
        Assert.True(observation.HasSquawk);
        Assert.Equal(0x20F, observation.Squawk); // octal 1017 = 001 000 001 111
    }

    [Fact]
    public void TryBuild_SurfacePosition_LeftOutAsOnTheBeastPath()
    {
        var observation = Build("MSG,2,,,4B1908,,,,,,,,12,90,33.96693,-118.25598,,,0,0,0,1");

        Assert.False(observation.HasPosition);
    }

    [Fact]
    public void TryBuild_NotAMessageLine_False()
    {
        var record = new SbsRecord { MessageType = SbsMessageType.Sel, HasAddress = true, Address = 1 };

        Assert.False(SbsObservationBuilder.TryBuild(record, Time, out _));
    }

    private static ModeSObservation Build(string line)
    {
        var record = new SbsRecord();
        var parser = new SbsParser(record, new byte[256]);
        var found = false;
        foreach (var b in System.Text.Encoding.ASCII.GetBytes(line + "\r\n"))
        {
            found |= parser.Push(b);
        }

        Assert.True(found);
        Assert.True(SbsObservationBuilder.TryBuild(record, Time, out var observation));
        return observation;
    }
}
