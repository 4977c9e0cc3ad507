using System.Text;
using System.Text.RegularExpressions;

namespace Picket.Fuzz;

/// <summary>
/// Writes the seed corpus of every target from the shared test data (../shared/data): small
/// slices of the recorded streams, one file each, generated into a work directory and never
/// committed. Only file slicing and hexadecimal decoding: no code under test is involved.
/// </summary>
internal static partial class SeedCorpus
{
    private const int MaxSeeds = 24;

    private static readonly string[] s_asterixFiles =
        ["cat034.raw", "cat048.raw", "jasterix/cat034ed1.26.bin", "jasterix/cat048ed1.15.bin", "jasterix/cat048ed1.23.bin", "cat062cat065.raw", "jasterix/cat001ed1.1.bin", "cat21_re.ast"];

    /// <summary>Writes <c>OUT/TARGET/seed-NNN</c> for every target; returns the seeds written.</summary>
    public static int Write(string dataDirectory, string outDirectory)
    {
        var adsb = Path.Combine(dataDirectory, "adsb");
        var asterix = Path.Combine(dataDirectory, "asterix");
        var hex = HexMessages(Path.Combine(adsb, "pymodes_sample_data_adsb.csv"))
            .Concat(HexMessages(Path.Combine(adsb, "pymodes_sample_data_commb_df20.csv")))
            .Concat(HexMessages(Path.Combine(adsb, "messages.jsonl")))
            .Distinct(StringComparer.Ordinal).ToArray();
        var written = 0;
        written += Save(outDirectory, "beast", Slices(File.ReadAllBytes(Path.Combine(adsb, "beast_ulss7_20180403.bin")), 256));
        written += Save(outDirectory, "avr", Groups(hex, 8).Select(g => Encoding.ASCII.GetBytes(string.Concat(g.Select(h => $"*{h};\n")))));
        written += Save(outDirectory, "sbs", LineGroups(Path.Combine(adsb, "sbs_node-sbs1_msgs.txt"), 8).Concat(LineGroups(Path.Combine(adsb, "beast_ulss7_20180403.sbs.txt"), 8)));
        written += Save(outDirectory, "modes", Groups(hex, 6).Select(g => g.SelectMany(h => (byte[])[(byte)((h.Length == 28 ? 2 : 1) | 4 | 8), .. Convert.FromHexString(h)]).ToArray()));
        var blocks = s_asterixFiles.Select(f => File.ReadAllBytes(Path.Combine(asterix, f)));
        written += Save(outDirectory, "asterix", blocks.Concat(Slices(File.ReadAllBytes(Path.Combine(asterix, "cat_034_048.pcap")), 512)));
        written += Save(outDirectory, "nmea", LineGroups(Path.Combine(dataDirectory, "serial", "nmea_arpa.txt"), 1));

        // No protobuf in the shared data: picket.v1.Ack by hand (acked_sequence 42, duplicate, a gap
        // {first 1, last 2}) and a nested length-delimited field.
        written += Save(outDirectory, "proto", [[0x08, 0x2A, 0x10, 0x01, 0x1A, 0x04, 0x08, 0x01, 0x10, 0x02], [0x0A, 0x05, 0x12, 0x03, 0x61, 0x62, 0x63, 0x15, 1, 2, 3, 4, 0x19, 1, 2, 3, 4, 5, 6, 7, 8]]);
        return written;
    }

    private static int Save(string outDirectory, string target, IEnumerable<byte[]> seeds)
    {
        var directory = Directory.CreateDirectory(Path.Combine(outDirectory, target)).FullName;
        var n = 0;
        foreach (var seed in seeds.Where(s => s.Length > 0).Take(MaxSeeds))
        {
            File.WriteAllBytes(Path.Combine(directory, $"seed-{n++:D3}"), seed);
        }

        return n;
    }

    // Evenly spread slices of a stream.
    private static IEnumerable<byte[]> Slices(byte[] data, int length)
    {
        var step = Math.Max(length, data.Length / MaxSeeds);
        for (var offset = 0; offset < data.Length; offset += step)
        {
            yield return data.AsSpan(offset, Math.Min(length, data.Length - offset)).ToArray();
        }
    }

    private static IEnumerable<byte[]> LineGroups(string path, int lines) =>
        Groups(File.ReadAllLines(path), lines).Select(g => Encoding.ASCII.GetBytes(string.Concat(g.Select(l => l + "\r\n"))));

    private static IEnumerable<string[]> Groups(string[] items, int size)
    {
        var step = Math.Max(size, items.Length / MaxSeeds);
        for (var i = 0; i < items.Length; i += step)
        {
            yield return items.Skip(i).Take(size).ToArray();
        }
    }

    private static IEnumerable<string> HexMessages(string path) =>
        HexPattern().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value.ToUpperInvariant()).Where(h => h.Length is 14 or 28);

    [GeneratedRegex("\"([0-9A-Fa-f]{14}|[0-9A-Fa-f]{28})\"")]
    private static partial Regex HexPattern();
}
