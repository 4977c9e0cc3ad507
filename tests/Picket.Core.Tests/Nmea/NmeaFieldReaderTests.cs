using System.Text;

namespace Picket.Nmea;

public sealed class NmeaFieldReaderTests
{
    [Fact]
    public void Read_ValidSentence_IndexesFieldsInPlace()
    {
        var line = Encoding.ASCII.GetBytes("$RATTM,02,1.43,170.5,T,0.16,264.4,T,1.42,36.9,N,,T,,,M*2A");
        var reader = new NmeaFieldReader();

        Assert.Equal(NmeaStatus.Ok, reader.Read(line, line.Length));

        Assert.Equal(16, reader.Count);
        Assert.True(reader.FormatterIs("TTM"));
        Assert.True(reader.TryGetFixed(2, 4, out var distance));
        Assert.Equal(14_300, distance);
        Assert.True(reader.IsEmpty(11));
        Assert.Equal('M', reader.FirstChar(15));
    }

    [Fact]
    public void Read_OneCharacterChanged_BadChecksum()
    {
        // The same sentence with distance 1.43 -> 1.44: the XOR changes, the *2A does not.
        var line = Encoding.ASCII.GetBytes("$RATTM,02,1.44,170.5,T,0.16,264.4,T,1.42,36.9,N,,T,,,M*2A");

        Assert.Equal(NmeaStatus.BadChecksum, new NmeaFieldReader().Read(line, line.Length));
    }

    [Theory]
    [InlineData("$RATTM,02,1.43", NmeaStatus.MissingChecksum)]
    [InlineData("RATTM,02,1.43*2A", NmeaStatus.Malformed)]
    [InlineData("$RATTM,02*G1", NmeaStatus.Malformed)]
    [InlineData("$RATTM,02*2A99", NmeaStatus.Malformed)]
    public void Read_MalformedSentence_Rejected(string text, NmeaStatus expected)
    {
        var line = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, new NmeaFieldReader().Read(line, line.Length));
    }

    [Theory]
    [InlineData("0.16", 4, 1_600)]
    [InlineData("264.4", 6, 264_400_000)]
    [InlineData("-36.9", 1, -369)]
    [InlineData("12", 2, 1_200)]
    [InlineData("1.23456", 2, 123)]
    public void TryGetFixed_Decimal_ScaledWithoutFloatingPoint(string field, int decimals, long expected)
    {
        var text = "$XXABC," + field + "*";
        var checksum = 0;
        foreach (var c in text[1..^1])
        {
            checksum ^= c;
        }

        var line = Encoding.ASCII.GetBytes(text + checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        var reader = new NmeaFieldReader();
        Assert.Equal(NmeaStatus.Ok, reader.Read(line, line.Length));

        Assert.True(reader.TryGetFixed(1, decimals, out var value));
        Assert.Equal(expected, value);
    }
}
