namespace Picket.Asterix;

/// <summary>
/// The 8-character identification packed as 6-bit ICAO IA-5 subset codes (I048/240, ICAO Annex
/// 10 Vol IV 3.1.2.9.1.2): A-Z = 1-26, space = 32, 0-9 = 48-57 (code 0, sent by transponders with no identification, reads as a space). Kept as a 48-bit integer so
/// decoding allocates nothing; convert to text only at the edge.
/// </summary>
public static class Ia5Callsign
{
    private const string Alphabet = " ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

    /// <summary>Characters in an identification.</summary>
    public const int Length = 8;

    /// <summary>Character <paramref name="index"/> (0 = first) of the packed identification; '#' for codes outside the subset.</summary>
    public static char CharAt(long packed, int index) => Alphabet[(int)((packed >> (42 - (6 * index))) & 0x3F)];

    /// <summary>The identification as text with trailing spaces removed (allocates; for output edges).</summary>
    public static string ToText(long packed)
    {
        var chars = new char[Length];
        var length = 0;
        for (var i = 0; i < Length; i++)
        {
            chars[i] = CharAt(packed, i);
            if (chars[i] != ' ')
            {
                length = i + 1;
            }
        }

        return new string(chars, 0, length);
    }

    /// <summary>
    /// Packs up to 8 characters of <paramref name="text"/> (A-Z, 0-9, space; shorter text is
    /// padded with spaces). Returns false for a character outside the subset.
    /// </summary>
    public static bool TryPack(string text, out long packed)
    {
        packed = 0;
        if (text == null || text.Length > Length)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            int code;
            if (c >= 'A' && c <= 'Z')
            {
                code = c - 'A' + 1;
            }
            else if (c >= '0' && c <= '9')
            {
                code = c - '0' + 48;
            }
            else if (c == ' ')
            {
                code = 32;
            }
            else
            {
                return false;
            }

            packed = (packed << 6) | (uint)code;
        }

        return true;
    }
}
