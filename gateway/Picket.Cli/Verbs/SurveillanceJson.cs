using System.Globalization;
using System.Text.Json;

namespace Picket.Cli.Verbs;

/// <summary>
/// The text forms of identity fields shared by every JSON Lines output of the CLI (decode and
/// track), written without a per-line string.
/// </summary>
internal static class SurveillanceJson
{
    /// <summary>Writes a 24-bit ICAO aircraft address as six upper-case hex digits (ICAO Annex 10 Vol III §9).</summary>
    public static void WriteIcao(Utf8JsonWriter json, string name, uint address)
    {
        Span<char> text = stackalloc char[8];
        address.TryFormat(text, out var length, "X6", CultureInfo.InvariantCulture);
        json.WriteString(name, text[..length]);
    }

    /// <summary>Writes a Mode 3/A code (squawk, 12 bits) as at least four octal digits, as pilots read it.</summary>
    public static void WriteSquawk(Utf8JsonWriter json, string name, int code)
    {
        // Octal of the 32-bit pattern, like Convert.ToString(code, 8): at most 11 digits.
        Span<char> text = stackalloc char[11];
        var bits = (uint)code;
        var start = text.Length;
        do
        {
            text[--start] = (char)('0' + (bits & 7));
            bits >>= 3;
        }
        while (bits != 0);

        while (text.Length - start < 4)
        {
            text[--start] = '0';
        }

        json.WriteString(name, text[start..]);
    }
}
