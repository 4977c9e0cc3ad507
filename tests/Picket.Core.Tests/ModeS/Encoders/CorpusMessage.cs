using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Picket.Testing;

namespace Picket.ModeS.Encoders;

/// <summary>
/// One DF17 message of <c>adsb/messages.jsonl</c>: its hex and the values independent decoders
/// found in it. Raw fields the corpus does not name are read from the hex here, with a bit
/// reader of the test's own (not the core's <see cref="Bits"/>).
/// </summary>
internal sealed class CorpusMessage
{
    private CorpusMessage(string hex, JsonElement expected, JsonElement? positions)
    {
        Hex = hex;
        Expected = expected;
        Positions = positions;
    }

    public string Hex { get; }

    public JsonElement Expected { get; }

    public JsonElement? Positions { get; }

    public uint Address => uint.Parse(Hex.AsSpan(2, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public uint ExpectedAddress => uint.Parse(Text("icao"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public int Capability => (int)Raw(6, 8);

    public int TypeCode => (int)Raw(33, 37);

    public static IEnumerable<CorpusMessage> ExtendedSquitters() => OfFormat(17);

    public static IEnumerable<CorpusMessage> OfFormat(int downlinkFormat)
    {
        foreach (var line in File.ReadLines(SharedData.PathOf("adsb/messages.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var hex = root.GetProperty("hex").GetString()!;
            if (Convert.ToInt32(hex[..2], 16) >> 3 != downlinkFormat)
            {
                continue;
            }

            yield return new CorpusMessage(
                hex,
                root.GetProperty("expected").Clone(),
                root.TryGetProperty("positions", out var p) ? p.Clone() : null);
        }
    }

    public bool Has(string name) => Expected.TryGetProperty(name, out _);

    public double Number(string name) => Expected.GetProperty(name).GetDouble();

    public string Text(string name) => Expected.GetProperty(name).GetString()!;

    /// <summary>Bits <paramref name="first"/> to <paramref name="last"/> (1-based, MSB first) of the hex.</summary>
    public uint Raw(int first, int last)
    {
        var value = BigInteger.Parse("0" + Hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (uint)((value >> ((Hex.Length * 4) - last)) & ((BigInteger.One << (last - first + 1)) - 1));
    }
}
