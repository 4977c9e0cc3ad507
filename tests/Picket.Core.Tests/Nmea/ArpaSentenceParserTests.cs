using Picket.Testing;

namespace Picket.Nmea;

/// <summary>The ARPA sample <c>serial/nmea_arpa.txt</c>; expected values are read off the sentences' own text (NMEA 0183 TTM/TLL/OSD field order).</summary>
public sealed class ArpaSentenceParserTests
{
    [Fact]
    public void Sample_EverySentence_DecodesToItsFields()
    {
        var framer = new NmeaLineFramer(NmeaLineFramer.DefaultMaxLength);
        var reader = new NmeaFieldReader();
        var targets = new List<ArpaTrackedTarget>();
        var positions = new List<ArpaTargetPosition>();
        var ownShip = new List<OwnShipData>();
        foreach (var value in File.ReadAllBytes(SharedData.PathOf("serial/nmea_arpa.txt")))
        {
            if (!framer.Push(value))
            {
                continue;
            }

            Assert.Equal(NmeaStatus.Ok, reader.Read(framer.Line, framer.LineLength));
            if (ArpaSentenceParser.TryParseTtm(reader, out var target) == NmeaStatus.Ok)
            {
                targets.Add(target);
            }
            else if (ArpaSentenceParser.TryParseTll(reader, out var tll) == NmeaStatus.Ok)
            {
                positions.Add(tll);
            }
            else
            {
                Assert.Equal(NmeaStatus.Ok, ArpaSentenceParser.TryParseOsd(reader, out var osd));
                ownShip.Add(osd);
            }
        }

        Assert.Equal(0, framer.SkippedBytes);
        Assert.Equal(2, targets.Count);

        // $RATTM,02,1.43,170.5,T,0.16,264.4,T,1.42,36.9,N,,T,,,M
        var first = targets[0];
        Assert.Equal(2, first.TargetNumber);
        Assert.Equal(2_648_360, first.DistanceMillimetres); // 1.43 NM x 1852 m
        Assert.Equal(170_500_000, first.BearingMicrodegrees);
        Assert.False(first.BearingIsRelative);
        Assert.Equal(82, first.SpeedMillimetresPerSecond); // 0.16 kn = 0.0823 m/s
        Assert.Equal(264_400_000, first.CourseMicrodegrees);
        Assert.Equal(2_629_840, first.CpaDistanceMillimetres); // 1.42 NM
        Assert.Equal(2_214_000, first.CpaTimeMilliseconds); // 36.9 min
        Assert.Equal('N', first.Units);
        Assert.Equal(0, first.NameLength);
        Assert.Equal(ArpaTargetStatus.Tracking, first.Status);
        Assert.False(first.IsReferenceTarget);
        Assert.False(first.HasTime);
        Assert.Equal('M', first.Acquisition);

        // $RATTM,07,2.35,045.2,T,12.4,210.0,T,0.80,11.3,N,TGT07,T,,123456.00,A
        var second = targets[1];
        Assert.Equal(7, second.TargetNumber);
        Assert.Equal(4_352_200, second.DistanceMillimetres);
        Assert.Equal(45_200_000, second.BearingMicrodegrees);
        Assert.Equal(6_379, second.SpeedMillimetresPerSecond); // 12.4 kn = 6.3791 m/s
        Assert.Equal(5, second.NameLength);
        Assert.True(second.HasTime);
        Assert.Equal(((12 * 3600) + (34 * 60) + 56) * 1000, second.TimeOfDayMilliseconds);
        Assert.Equal('A', second.Acquisition);

        // $RATLL,07,4807.038,N,01131.000,E,TGT07,123456.00,T,
        var position = Assert.Single(positions);
        Assert.Equal(7, position.TargetNumber);
        Assert.Equal(481_173_000, position.LatitudeE7); // 48 deg 7.038 min
        Assert.Equal(115_166_667, position.LongitudeE7); // 11 deg 31.000 min
        Assert.Equal(ArpaTargetStatus.Tracking, position.Status);

        // $RAOSD,000.0,A,000.0,P,0.0,P,,,N
        var osdData = Assert.Single(ownShip);
        Assert.True(osdData.HasHeading && osdData.HeadingValid);
        Assert.Equal(0, osdData.CourseMicrodegrees);
        Assert.Equal('P', osdData.CourseReference);
        Assert.Equal(0, osdData.SpeedMillimetresPerSecond);
    }

    [Fact]
    public void TryParseTtm_KilometreUnitsAndRelativeBearing_Converted()
    {
        var reader = Read("$RATTM,12,3.500,090.0,R,36.0,180.0,R,,,K,,L,R,,A*");

        Assert.Equal(NmeaStatus.Ok, ArpaSentenceParser.TryParseTtm(reader, out var target));

        Assert.Equal(3_500_000, target.DistanceMillimetres);
        Assert.True(target.BearingIsRelative);
        Assert.True(target.CourseIsRelative);
        Assert.Equal(10_000, target.SpeedMillimetresPerSecond); // 36 km/h
        Assert.Equal(ArpaTargetStatus.Lost, target.Status);
        Assert.True(target.IsReferenceTarget);
    }

    [Fact]
    public void TryParseTtm_MissingDistance_InvalidField()
    {
        var reader = Read("$RATTM,02,,170.5,T,0.16,264.4,T,1.42,36.9,N,,T,,,M*");

        Assert.Equal(NmeaStatus.InvalidField, ArpaSentenceParser.TryParseTtm(reader, out _));
    }

    [Fact]
    public void TryParseTll_SouthWest_Negative()
    {
        var reader = Read("$RATLL,01,3352.500,S,15112.000,W,,,T,*");

        Assert.Equal(NmeaStatus.Ok, ArpaSentenceParser.TryParseTll(reader, out var position));

        Assert.Equal(-338_750_000, position.LatitudeE7); // 33 deg 52.5 min
        Assert.Equal(-1_512_000_000, position.LongitudeE7);
    }

    /// <summary>A sentence with its checksum appended (text ends with '*').</summary>
    private static NmeaFieldReader Read(string text)
    {
        var checksum = 0;
        foreach (var c in text[1..^1])
        {
            checksum ^= c;
        }

        var line = System.Text.Encoding.ASCII.GetBytes(text + checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        var reader = new NmeaFieldReader();
        Assert.Equal(NmeaStatus.Ok, reader.Read(line, line.Length));
        return reader;
    }
}
