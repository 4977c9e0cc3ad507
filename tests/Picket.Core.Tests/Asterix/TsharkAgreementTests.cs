using System.Globalization;
using System.Text.Json;
using Picket.Tools;

namespace Picket.Asterix;

/// <summary>
/// The encoders' output decoded by Wireshark (tshark 4.x, an independent implementation of the
/// EUROCONTROL specifications): every item present, every field equal to what was encoded.
/// </summary>
public sealed class TsharkAgreementTests
{
    private const int RecordsPerCategory = 150;

    [TsharkFact]
    public void EncodeCat048_GeneratedRecords_TsharkDecodesSameFields()
    {
        var generator = new AsterixRecordGenerator(seed: 48) { AllowEditionSpecifics = false };
        var records = new Cat048Record[RecordsPerCategory];
        var payloads = new List<byte[]>();
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = generator.NextCat048();
            var buffer = new byte[512];
            var length = Cat048Encoder.EncodeBlock([records[i]], 1, buffer, 0, buffer.Length);
            payloads.Add(buffer[..length]);
        }

        var packets = Decode(payloads);
        for (var i = 0; i < records.Length; i++)
        {
            var fields = packets[i];
            var expected = Cat048Fields(ref records[i]);
            AssertFields(i, expected, fields);
        }
    }

    [TsharkFact]
    public void EncodeCat034_GeneratedRecords_TsharkDecodesSameFields()
    {
        var generator = new AsterixRecordGenerator(seed: 34) { AllowEditionSpecifics = false };
        var payloads = new List<byte[]>();
        var records = new Cat034Record[RecordsPerCategory];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = generator.NextCat034();
            var buffer = new byte[256];
            var length = Cat034Encoder.EncodeBlock([records[i]], 1, buffer, 0, buffer.Length);
            payloads.Add(buffer[..length]);
        }

        var packets = Decode(payloads);
        for (var i = 0; i < records.Length; i++)
        {
            AssertFields(i, Cat034Fields(ref records[i]), packets[i]);
        }
    }

    private static List<Dictionary<string, List<string>>> Decode(List<byte[]> payloads)
    {
        using var json = JsonDocument.Parse(Tshark.DecodeUdpPayloads(payloads));
        var packets = new List<Dictionary<string, List<string>>>();
        foreach (var packet in json.RootElement.EnumerateArray())
        {
            var layers = packet.GetProperty("_source").GetProperty("layers");
            Assert.False(layers.TryGetProperty("_ws.malformed", out _), "tshark reports a malformed packet");
            var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Flatten(layers.GetProperty("asterix").GetProperty("asterix.message"), fields, topLevel: true);
            packets.Add(fields);
        }

        Assert.Equal(payloads.Count, packets.Count);
        return packets;
    }

    private static void Flatten(JsonElement element, Dictionary<string, List<string>> fields, bool topLevel)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (topLevel && property.Name.StartsWith("asterix.0", StringComparison.Ordinal))
            {
                Add(fields, "item", property.Name["asterix.".Length..]);
            }

            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, fields, topLevel: false);
            }
            else
            {
                Add(fields, property.Name["asterix.".Length..], property.Value.GetString() ?? "");
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> fields, string name, string value)
    {
        if (!fields.TryGetValue(name, out var values))
        {
            fields[name] = values = [];
        }

        values.Add(value);
    }

    private static void AssertFields(int index, List<(string Name, object Value)> expected, Dictionary<string, List<string>> actual)
    {
        var expectedItems = expected.Where(e => e.Name == "item").Select(e => (string)e.Value).ToList();
        Assert.Equal(expectedItems, actual.GetValueOrDefault("item") ?? []);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in expected.Where(e => e.Name != "item"))
        {
            var occurrence = seen.GetValueOrDefault(name);
            seen[name] = occurrence + 1;
            Assert.True(actual.TryGetValue(name, out var values) && values.Count > occurrence, $"record {index}: tshark shows no {name}");
            var text = values![occurrence];
            if (value is double number)
            {
                var decoded = double.Parse(text, CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(decoded - number) <= 1e-9 * Math.Max(1, Math.Abs(number)), $"record {index}: {name} tshark {text}, encoded {number}");
            }
            else
            {
                Assert.True(string.Equals(Convert.ToString(value, CultureInfo.InvariantCulture), text, StringComparison.OrdinalIgnoreCase), $"record {index}: {name} tshark {text}, encoded {value}");
            }
        }
    }

    private static List<(string, object)> Cat048Fields(ref Cat048Record r)
    {
        var f = new List<(string, object)>();
        if (r.HasDataSource)
        {
            f.Add(("item", "048_010"));
            f.Add(("048_010_SAC", Hex(r.Sac, 2)));
            f.Add(("048_010_SIC", Hex(r.Sic, 2)));
        }

        if (r.HasTimeOfDay)
        {
            f.Add(("item", "048_140"));
            f.Add(("048_140_VALUE", r.TimeOfDay128 / 128.0));
        }

        if (r.HasDescriptor)
        {
            f.Add(("item", "048_020"));
            var x = r.ReportIndicators;
            f.Add(("048_020_TYP", (int)r.ReportType));
            f.Add(("048_020_SIM", Bit(x, TargetReportIndicators.Simulated)));
            f.Add(("048_020_RDP", Bit(x, TargetReportIndicators.RdpChain2)));
            f.Add(("048_020_SPI", Bit(x, TargetReportIndicators.Spi)));
            f.Add(("048_020_RAB", Bit(x, TargetReportIndicators.FieldMonitor)));
            if ((int)x >= 16 || r.FoeFriend != 0)
            {
                f.Add(("048_020_TST", Bit(x, TargetReportIndicators.Test)));
                f.Add(("048_020_ERR", Bit(x, TargetReportIndicators.ExtendedRange)));
                f.Add(("048_020_XPP", Bit(x, TargetReportIndicators.XPulse)));
                f.Add(("048_020_ME", Bit(x, TargetReportIndicators.MilitaryEmergency)));
                f.Add(("048_020_MI", Bit(x, TargetReportIndicators.MilitaryIdentification)));
                f.Add(("048_020_FOEFRI", r.FoeFriend));
            }
        }

        if (r.HasPolarPosition)
        {
            f.Add(("item", "048_040"));
            f.Add(("048_040_RHO", r.Rho256 / 256.0));
            f.Add(("048_040_THETA", r.Theta * 360.0 / 65536.0));
        }

        if (r.HasMode3A)
        {
            f.Add(("item", "048_070"));
            f.Add(("048_070_V", r.Mode3ANotValidated ? 1 : 0));
            f.Add(("048_070_G", r.Mode3AGarbled ? 1 : 0));
            f.Add(("048_070_L", r.Mode3ANotExtracted ? 1 : 0));
            f.Add(("048_070_MODE3A", r.Mode3A));
        }

        if (r.HasFlightLevel)
        {
            f.Add(("item", "048_090"));
            f.Add(("048_090_V", r.FlightLevelNotValidated ? 1 : 0));
            f.Add(("048_090_G", r.FlightLevelGarbled ? 1 : 0));
            f.Add(("048_090_FL", r.FlightLevelQuarters / 4.0));
        }

        if (r.PlotCharacteristicsPresent != 0)
        {
            f.Add(("item", "048_130"));
            var p = r.PlotCharacteristicsPresent;
            AddIf(f, p, 0, "048_130_SRL_VALUE", r.SsrRunLength * 360.0 / 8192.0);
            AddIf(f, p, 1, "048_130_SRR_VALUE", r.SsrReplies);
            AddIf(f, p, 2, "048_130_SAM_VALUE", r.SsrAmplitudeDbm);
            AddIf(f, p, 3, "048_130_PRL_VALUE", r.PsrRunLength * 360.0 / 8192.0);
            AddIf(f, p, 4, "048_130_PAM_VALUE", r.PsrAmplitudeDbm);
            AddIf(f, p, 5, "048_130_RPD_VALUE", r.RangeDifference256 / 256.0);
            AddIf(f, p, 6, "048_130_APD_VALUE", r.AzimuthDifference * 360.0 / 16384.0);
        }

        if (r.HasAircraftAddress)
        {
            f.Add(("item", "048_220"));
            f.Add(("048_220_VALUE", Hex(r.AircraftAddress, 6)));
        }

        if (r.HasIdentification)
        {
            f.Add(("item", "048_240"));
            f.Add(("048_240_VALUE", Ia5Callsign.ToText(r.Identification).PadRight(8)));
        }

        if (r.ModeSData is not null)
        {
            f.Add(("item", "048_250"));
            f.Add(("counter", r.ModeSDataCount));
            for (var i = 0; i < r.ModeSDataCount; i++)
            {
                var at = r.ModeSDataOffset + (8 * i);
                f.Add(("048_250_MBDATA", "0x00" + Convert.ToHexString(r.ModeSData, at, 7))); // 56 bits shown as 64
                f.Add(("048_250_BDS1", r.ModeSData[at + 7] >> 4));
                f.Add(("048_250_BDS2", r.ModeSData[at + 7] & 0xF));
            }
        }

        if (r.HasTrackNumber)
        {
            f.Add(("item", "048_161"));
            f.Add(("048_161_TRN", r.TrackNumber));
        }

        if (r.HasCartesianPosition)
        {
            f.Add(("item", "048_042"));
            f.Add(("048_042_X", r.X128 / 128.0));
            f.Add(("048_042_Y", r.Y128 / 128.0));
        }

        if (r.HasPolarVelocity)
        {
            f.Add(("item", "048_200"));
            f.Add(("048_200_GSP", r.GroundSpeed / 16384.0));
            f.Add(("048_200_HDG", r.Heading * 360.0 / 65536.0));
        }

        if (r.HasTrackStatus)
        {
            f.Add(("item", "048_170"));
            var t = r.TrackIndicators;
            f.Add(("048_170_CNF", Bit(t, TrackStatusIndicators.Tentative)));
            f.Add(("048_170_RAD", r.TrackRadarType));
            f.Add(("048_170_DOU", Bit(t, TrackStatusIndicators.Doubtful)));
            f.Add(("048_170_MAH", Bit(t, TrackStatusIndicators.Manoeuvre)));
            f.Add(("048_170_CDM", r.TrackClimbDescent));
            if ((int)t >= 8)
            {
                f.Add(("048_170_TRE", Bit(t, TrackStatusIndicators.LastReport)));
                f.Add(("048_170_GHO", Bit(t, TrackStatusIndicators.Ghost)));
                f.Add(("048_170_SUP", Bit(t, TrackStatusIndicators.ClusterNetwork)));
                f.Add(("048_170_TCC", Bit(t, TrackStatusIndicators.SlantCorrected)));
            }
        }

        if (r.HasTrackQuality)
        {
            f.Add(("item", "048_210"));
            f.Add(("048_210_SIGX", r.SigmaX128 / 128.0));
            f.Add(("048_210_SIGY", r.SigmaY128 / 128.0));
            f.Add(("048_210_SIGV", r.SigmaGroundSpeed / 16384.0));
            f.Add(("048_210_SIGH", r.SigmaHeading * 360.0 / 4096.0));
        }

        if (r.HasHeight3D)
        {
            f.Add(("item", "048_110"));
            f.Add(("048_110_3DH", r.Height3D25Feet * 25.0));
        }

        if (r.HasDoppler)
        {
            f.Add(("item", "048_120"));
            f.Add(("048_120_CAL_D", r.DopplerDoubtful ? 1 : 0));
            f.Add(("048_120_CAL_CAL", r.DopplerMetresPerSecond));
        }

        if (r.HasCommunicationsCapability)
        {
            f.Add(("item", "048_230"));
            var c = r.CommunicationsCapability;
            f.Add(("048_230_COM", c >> 13)); // bits 16/14
            f.Add(("048_230_STAT", (c >> 10) & 7)); // bits 13/11
            f.Add(("048_230_SI", (c >> 9) & 1)); // bit 10
            f.Add(("048_230_MSSC", (c >> 7) & 1)); // bit 8
            f.Add(("048_230_ARC", (c >> 6) & 1)); // bit 7
            f.Add(("048_230_AIC", (c >> 5) & 1)); // bit 6
            f.Add(("048_230_B1A", (c >> 4) & 1)); // bit 5
            f.Add(("048_230_B1B", c & 0xF)); // bits 4/1
        }

        return f;
    }

    private static List<(string, object)> Cat034Fields(ref Cat034Record r)
    {
        var f = new List<(string, object)>
        {
            ("item", "034_010"),
            ("034_010_SAC", Hex(r.Sac, 2)),
            ("034_010_SIC", Hex(r.Sic, 2)),
            ("item", "034_000"),
            ("034_000_VALUE", (int)r.MessageType),
        };
        if (r.HasTimeOfDay)
        {
            f.Add(("item", "034_030"));
            f.Add(("034_030_VALUE", r.TimeOfDay128 / 128.0));
        }

        if (r.HasSectorNumber)
        {
            f.Add(("item", "034_020"));
            f.Add(("034_020_VALUE", r.SectorNumber * 360.0 / 256.0));
        }

        if (r.HasAntennaRotationPeriod)
        {
            f.Add(("item", "034_041"));
            f.Add(("034_041_VALUE", r.AntennaRotationPeriod128 / 128.0));
        }

        if (r.SystemConfigurationPresent != 0)
        {
            f.Add(("item", "034_050"));
            var p = r.SystemConfigurationPresent;
            var com = r.SystemConfigurationCom;
            AddIf(f, p, 0, "034_050_COM_NOGO", com >> 7); // bit 8
            AddIf(f, p, 0, "034_050_COM_RDPC", (com >> 6) & 1); // bit 7
            AddIf(f, p, 0, "034_050_COM_RDPR", (com >> 5) & 1); // bit 6
            AddIf(f, p, 0, "034_050_COM_OVLRDP", (com >> 4) & 1); // bit 5
            AddIf(f, p, 0, "034_050_COM_OVLXMT", (com >> 3) & 1); // bit 4
            AddIf(f, p, 0, "034_050_COM_MSC", (com >> 2) & 1); // bit 3
            AddIf(f, p, 0, "034_050_COM_TSV", (com >> 1) & 1); // bit 2
            foreach (var (bit, name, value) in new[] { (3, "PSR", r.SystemConfigurationPsr), (4, "SSR", r.SystemConfigurationSsr) })
            {
                AddIf(f, p, bit, $"034_050_{name}_ANT", value >> 7); // bit 8
                AddIf(f, p, bit, $"034_050_{name}_CHAB", (value >> 5) & 3); // bits 7/6
                AddIf(f, p, bit, $"034_050_{name}_OVL", (value >> 4) & 1); // bit 5
                AddIf(f, p, bit, $"034_050_{name}_MSC", (value >> 3) & 1); // bit 4
            }

            var mds = r.SystemConfigurationMds;
            AddIf(f, p, 5, "034_050_MDS_ANT", mds >> 15); // bit 16
            AddIf(f, p, 5, "034_050_MDS_CHAB", (mds >> 13) & 3); // bits 15/14
            AddIf(f, p, 5, "034_050_MDS_OVLSUR", (mds >> 12) & 1); // bit 13
            AddIf(f, p, 5, "034_050_MDS_MSC", (mds >> 11) & 1); // bit 12
            AddIf(f, p, 5, "034_050_MDS_SCF", (mds >> 10) & 1); // bit 11
            AddIf(f, p, 5, "034_050_MDS_DLF", (mds >> 9) & 1); // bit 10
            AddIf(f, p, 5, "034_050_MDS_OVLSCF", (mds >> 8) & 1); // bit 9
            AddIf(f, p, 5, "034_050_MDS_OVLDLF", (mds >> 7) & 1); // bit 8
        }

        if (r.ProcessingModePresent != 0)
        {
            f.Add(("item", "034_060"));
            var p = r.ProcessingModePresent;
            AddIf(f, p, 0, "034_060_COM_REDRDP", (r.ProcessingModeCom >> 4) & 7); // bits 7/5
            AddIf(f, p, 0, "034_060_COM_REDXMT", (r.ProcessingModeCom >> 1) & 7); // bits 4/2
            AddIf(f, p, 3, "034_060_PSR_POL", r.ProcessingModePsr >> 7); // bit 8
            AddIf(f, p, 3, "034_060_PSR_REDRAD", (r.ProcessingModePsr >> 4) & 7); // bits 7/5
            AddIf(f, p, 3, "034_060_PSR_STC", (r.ProcessingModePsr >> 2) & 3); // bits 4/3
            AddIf(f, p, 4, "034_060_SSR_REDRAD", r.ProcessingModeSsr >> 5); // bits 8/6
            AddIf(f, p, 5, "034_060_MDS_REDRAD", r.ProcessingModeMds >> 5); // bits 8/6
            AddIf(f, p, 5, "034_060_MDS_CLU", (r.ProcessingModeMds >> 4) & 1); // bit 5
        }

        if (r.HasPolarWindow)
        {
            f.Add(("item", "034_100"));
            f.Add(("034_100_RHOST", r.RhoStart256 / 256.0));
            f.Add(("034_100_RHOEND", r.RhoEnd256 / 256.0));
            f.Add(("034_100_THETAST", r.ThetaStart * 360.0 / 65536.0));
            f.Add(("034_100_THETAEND", r.ThetaEnd * 360.0 / 65536.0));
        }

        if (r.HasDataFilter)
        {
            f.Add(("item", "034_110"));
            f.Add(("034_110_VALUE", r.DataFilter));
        }

        if (r.HasPosition)
        {
            f.Add(("item", "034_120"));
            f.Add(("034_120_HGT", (double)r.HeightMetres));
            f.Add(("034_120_LAT", r.Latitude23 * 180.0 / 8388608.0));
            f.Add(("034_120_LON", r.Longitude23 * 180.0 / 8388608.0));
        }

        if (r.HasCollimationError)
        {
            f.Add(("item", "034_090"));
            f.Add(("034_090_RNG", r.RangeError128 / 128.0));
            f.Add(("034_090_AZM", r.AzimuthError * 360.0 / 16384.0));
        }

        return f;
    }

    private static void AddIf(List<(string, object)> fields, int present, int bit, string name, object value)
    {
        if ((present & (1 << bit)) != 0)
        {
            fields.Add((name, value));
        }
    }

    private static int Bit<T>(T value, T flag)
        where T : Enum => value.HasFlag(flag) ? 1 : 0;

    private static string Hex(int value, int digits) => "0x" + value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
