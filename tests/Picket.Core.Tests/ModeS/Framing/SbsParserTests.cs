using System.Text.Json;
using Picket.Testing;

namespace Picket.ModeS.Framing;

public sealed class SbsParserTests
{
    [Fact]
    public void Push_UlssSbsFile_ParsesEveryMessageAndSkipsTheTrailerLines()
    {
        var (parser, byType, positions) = ParseFile("adsb/beast_ulss7_20180403.sbs.txt");

        // Counted with awk -F, on the file: MSG,1..8 lines; the two trailer lines are not SBS.
        Assert.Equal(new Dictionary<int, int> { [1] = 146, [3] = 1498, [4] = 1492, [5] = 588, [6] = 422, [7] = 498, [8] = 3978 }, byType);
        Assert.Equal(2, parser.MalformedLines);

        // The SBS positions are the positions dump1090 printed for the same capture, in the same order.
        var reference = File.ReadLines(SharedData.PathOf("adsb/stream_ulss7_dump1090.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("dump1090", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("lat", out _))
            .Select(r => ((int)Math.Round(r.GetProperty("dump1090").GetProperty("lat").GetDouble() * 1e7), (int)Math.Round(r.GetProperty("dump1090").GetProperty("lon").GetDouble() * 1e7)))
            .ToList();
        Assert.Equal(reference, positions);
    }

    [Fact]
    public void Push_LosAngelesFileWithEmptyFields_ParsesEveryLine()
    {
        var (parser, byType, positions) = ParseFile("adsb/sbs_node-sbs1_msgs.txt");
        Assert.Equal(new Dictionary<int, int> { [1] = 5, [3] = 74, [4] = 67, [5] = 3347, [6] = 19, [8] = 672 }, byType);
        Assert.Equal(0, parser.MalformedLines);
        Assert.Equal(74, positions.Count);
        Assert.Equal((339669300, -1182559800), positions[0]); // first MSG,3: 33.96693,-118.25598
    }

    [Fact]
    public void Push_OneLine_FillsEveryField()
    {
        var record = new SbsRecord();
        var parser = new SbsParser(record, new byte[256]);
        var found = false;
        foreach (var b in "MSG,4,1,1,42460C,1,2018/04/03,19:02:28.336,2018/04/10,21:24:39.437,RYR4TX  ,3000,418.5,170,,,-640,7700,-1,0,1,0\r\n"u8.ToArray())
        {
            found |= parser.Push(b);
        }

        Assert.True(found);
        Assert.Equal(SbsMessageType.Msg, record.MessageType);
        Assert.Equal(4, record.TransmissionType);
        Assert.Equal(0x42460Cu, record.Address);
        Assert.Equal(20180403, record.GeneratedDate);
        Assert.Equal((((19 * 60) + 2) * 60 * 1000) + 28336, record.GeneratedTimeOfDayMilliseconds);
        Assert.Equal("RYR4TX", new string(record.Callsign, 0, record.CallsignLength));
        Assert.Equal(3000, record.AltitudeFeet);
        Assert.Equal(418500, record.GroundSpeedMilliknots);
        Assert.Equal(170000, record.TrackMillidegrees);
        Assert.False(record.HasPosition);
        Assert.Equal(-640, record.VerticalRateFeetPerMinute);
        Assert.Equal(0xFC0, record.Squawk); // 7700 octal
        Assert.Equal(0b1111, record.FlagsPresent);
        Assert.Equal(0b0101, record.Flags); // alert (-1) and SPI (1)
    }

    private static (SbsParser Parser, Dictionary<int, int> ByType, List<(int, int)> Positions) ParseFile(string path)
    {
        var record = new SbsRecord();
        var parser = new SbsParser(record, new byte[256]);
        var byType = new Dictionary<int, int>();
        var positions = new List<(int, int)>();
        foreach (var b in File.ReadAllBytes(SharedData.PathOf(path)))
        {
            if (!parser.Push(b))
            {
                continue;
            }

            byType[record.TransmissionType] = byType.GetValueOrDefault(record.TransmissionType) + 1;
            if (record.HasPosition)
            {
                positions.Add((record.LatitudeE7, record.LongitudeE7));
            }
        }

        return (parser, byType, positions);
    }
}
