using Picket.Gateway.Capture;
using Picket.Testing;

namespace Picket.Asterix;

/// <summary>
/// Every record of <c>asterix/cat_034_048.pcap</c> (100 UDP frames, 5 radars, 162 records)
/// against the independent decode in <c>cat_034_048.txt</c>, field by field in raw LSB units.
/// </summary>
public sealed class ReferenceCaptureTests
{
    // Item id -> FRN, from the CAT048 and CAT034 UAPs (EUROCONTROL specifications).
    private static readonly Dictionary<string, int> Cat048Frn = new(StringComparer.Ordinal)
    {
        ["010"] = 1, ["140"] = 2, ["020"] = 3, ["040"] = 4, ["070"] = 5, ["090"] = 6, ["130"] = 7,
        ["220"] = 8, ["240"] = 9, ["250"] = 10, ["161"] = 11, ["042"] = 12, ["200"] = 13, ["170"] = 14,
        ["210"] = 15, ["030"] = 16, ["080"] = 17, ["100"] = 18, ["110"] = 19, ["120"] = 20, ["230"] = 21,
    };

    private static readonly Dictionary<string, int> Cat034Frn = new(StringComparer.Ordinal)
    {
        ["010"] = 1, ["000"] = 2, ["030"] = 3, ["020"] = 4, ["041"] = 5, ["050"] = 6, ["060"] = 7,
        ["070"] = 8, ["100"] = 9, ["110"] = 10, ["120"] = 11, ["090"] = 12,
    };

    private static readonly Lazy<(List<ReferenceDecode> Expected, List<(int Category, byte[] Block, int Offset, int End, int Length)> Actual)> Data = new(Load);

    [Fact]
    public void Capture_AllRecords_MatchReferenceCountsAndBoundaries()
    {
        var (expected, actual) = Data.Value;
        Assert.Equal(162, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Category, actual[i].Category);
            Assert.Equal(expected[i].Length, actual[i].Length);
            Assert.Equal(expected[i].Bytes, actual[i].Block.AsSpan(actual[i].Offset, expected[i].Length).ToArray());
        }

        Assert.Equal(128, expected.Count(r => r.Category == 48));
        Assert.Equal(34, expected.Count(r => r.Category == 34));
    }

    [Fact]
    public void Capture_EveryItem_LocatedWithReferenceBytes()
    {
        var (expected, actual) = Data.Value;
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        for (var i = 0; i < expected.Count; i++)
        {
            var reference = expected[i];
            var (category, block, offset, end, _) = actual[i];
            var uap = AsterixUap.ForCategory(category);
            Assert.Equal(AsterixStatus.Ok, AsterixRecordWalker.TryWalk(uap, block, offset, end, offsets, out var length));
            Assert.Equal(reference.Length, length);
            var frns = category == 48 ? Cat048Frn : Cat034Frn;
            var present = 0;
            foreach (var (item, bytes) in reference.ItemBytes)
            {
                var at = offsets[frns[item]];
                Assert.True(at >= 0, $"record {i}: I{category:D3}/{item} not found");
                Assert.Equal(bytes, block.AsSpan(at, bytes.Length).ToArray());
                present++;
            }

            Assert.Equal(present, offsets.Count(o => o >= 0));
        }
    }

    [Fact]
    public void Capture_Cat048Records_DecodeToReferenceValues()
    {
        var (expected, actual) = Data.Value;
        var decoder = new Cat048Decoder();
        var checkedRecords = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var r = expected[i];
            if (r.Category != 48)
            {
                continue;
            }

            var (_, block, offset, end, _) = actual[i];
            Assert.Equal(AsterixStatus.Ok, decoder.TryDecode(block, offset, end, out var record, out _));
            Cat048Expectations.AssertMatches(r, ref record, i);
            checkedRecords++;
        }

        Assert.Equal(128, checkedRecords);
    }

    [Fact]
    public void Capture_FlightLevelMinusOne_DecodesAsSignedFourteenBits()
    {
        var (expected, actual) = Data.Value;
        var decoder = new Cat048Decoder();
        var negative = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Category == 48 && expected[i].HasField("090", "FlightLevel") && expected[i].Int("090", "FlightLevel") < 0)
            {
                // Reference raw 0x3FFC in bits 14/1 = -4 quarters = FL -1.0.
                var (_, block, offset, end, _) = actual[i];
                decoder.TryDecode(block, offset, end, out var record, out _);
                Assert.Equal(-4, record.FlightLevelQuarters);
                negative++;
            }
        }

        Assert.Equal(2, negative);
    }

    [Fact]
    public void Capture_Cat034Records_DecodeToReferenceValues()
    {
        var (expected, actual) = Data.Value;
        var decoder = new Cat034Decoder();
        var checkedRecords = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var r = expected[i];
            if (r.Category != 34)
            {
                continue;
            }

            var (_, block, offset, end, _) = actual[i];
            Assert.Equal(AsterixStatus.Ok, decoder.TryDecode(block, offset, end, out var record, out _));
            Assert.Equal(r.Int("010", "System Area Code"), record.Sac);
            Assert.Equal(r.Int("010", "System Identification Code"), record.Sic);
            Assert.Equal(r.Int("000", "Message Type"), (int)record.MessageType);
            Assert.Equal(r.Int("030", "Time of day"), record.TimeOfDay128);
            Assert.Equal(r.Has("020"), record.HasSectorNumber);
            if (r.Has("020"))
            {
                Assert.Equal(r.Int("020", "Antenna azimuth"), record.SectorNumber);
            }

            Assert.Equal(r.Has("041"), record.HasAntennaRotationPeriod);
            if (r.Has("041"))
            {
                Assert.Equal(r.Int("041", "Antenna rotation speed"), record.AntennaRotationPeriod128);
            }

            if (r.HasField("050", "Operational Release Status of the System"))
            {
                var com = record.SystemConfigurationCom;
                Assert.Equal(r.Int("050", "Operational Release Status of the System"), (com >> 7) & 1); // NOGO bit 8
                Assert.Equal(r.Int("050", "Radar Data Processor Chain Selection Status"), (com >> 6) & 1); // RDPC bit 7
                Assert.Equal(r.Int("050", "Radar Data Processor Overload Indicator"), (com >> 4) & 1); // OVL RDP bit 5
                Assert.Equal(r.Int("050", "Monitoring System Connected Status"), (com >> 2) & 1); // MSC bit 3
                Assert.Equal(r.Int("050", "Time Source Validity"), (com >> 1) & 1); // TSV bit 2
            }

            if (r.HasField("050", "Mode S Channel A/B selection status for surveillance"))
            {
                Assert.Equal(r.Int("050", "Mode S Channel A/B selection status for surveillance"), (record.SystemConfigurationMds >> 13) & 3); // bits 15/14
            }

            if (r.HasField("060", "Reduction Steps in use for an overload of the RDP"))
            {
                Assert.Equal(r.Int("060", "Reduction Steps in use for an overload of the RDP"), (record.ProcessingModeCom >> 4) & 7); // bits 7/5
            }

            Assert.Equal(r.Has("120"), record.HasPosition);
            if (r.Has("120"))
            {
                Assert.Equal(r.Int("120", "Signed Height of the Data Source, expressed in meters above WGS 84 reference ellipsoid."), record.HeightMetres);
                Assert.Equal(r.Int("120", "Latitude in WGS-84"), record.Latitude23);
                Assert.Equal(r.Int("120", "Longitude in WGS-84"), record.Longitude23);
            }

            checkedRecords++;
        }

        Assert.Equal(34, checkedRecords);
    }

    private static (List<ReferenceDecode>, List<(int, byte[], int, int, int)>) Load()
    {
        var expected = ReferenceDecode.Load(SharedData.PathOf("asterix/cat_034_048.txt"));
        var actual = new List<(int, byte[], int, int, int)>();
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        var offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
        var datagrams = 0;
        var blocks = 0;
        while (reader.TryReadNext(out var datagram))
        {
            datagrams++;
            var payload = datagram.Payload.ToArray();
            var position = 0;
            while (position < payload.Length)
            {
                Assert.Equal(AsterixStatus.Ok, AsterixDataBlock.TryReadHeader(payload, position, payload.Length - position, out var category, out var blockLength));
                blocks++;
                var end = position + blockLength;
                var record = position + AsterixDataBlock.HeaderLength;
                while (record < end)
                {
                    Assert.Equal(AsterixStatus.Ok, AsterixRecordWalker.TryWalk(AsterixUap.ForCategory(category), payload, record, end, offsets, out var length));
                    actual.Add((category, payload, record, end, length));
                    record += length;
                }

                position = end;
            }
        }

        Assert.Equal(100, datagrams);
        Assert.Equal(120, blocks);
        return (expected, actual);
    }
}
