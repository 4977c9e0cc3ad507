namespace Picket.ModeS;

/// <summary>
/// The 6-bit character set of aircraft identification (ICAO Annex 10 Vol IV, table 3-9; the
/// IA-5 subset): 1-26 = A-Z, 32 = space, 48-57 = 0-9. Every other code is not assigned and
/// decodes as '#'.
/// </summary>
public static class CallsignAlphabet
{
    /// <summary>Characters in a callsign.</summary>
    public const int Length = 8;

    /// <summary>The character of one 6-bit code (0 to 63).</summary>
    public static char ToChar(int code)
    {
        if (code >= 1 && code <= 26)
        {
            return (char)('A' + code - 1);
        }

        if (code == 32)
        {
            return ' ';
        }

        if (code >= 48 && code <= 57)
        {
            return (char)('0' + code - 48);
        }

        return '#';
    }

    /// <summary>True when every one of the 8 codes is an assigned character (A-Z, 0-9, space).</summary>
    public static bool IsValid(ulong characters)
    {
        for (var i = 0; i < Length; i++)
        {
            if (ToChar(CodeAt(characters, i)) == '#')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 6-bit code of character <paramref name="index"/> (0 = first) of 8 packed codes (first in bits 47-42).</summary>
    public static int CodeAt(ulong characters, int index)
    {
        return (int)((characters >> (42 - (6 * index))) & 0x3F);
    }

    /// <summary>
    /// Writes the callsign without trailing spaces into <paramref name="buffer"/> at
    /// <paramref name="offset"/> (room for 8 characters) and returns the count written.
    /// </summary>
    public static int Write(ulong characters, char[] buffer, int offset)
    {
        var count = 0;
        for (var i = 0; i < Length; i++)
        {
            var c = ToChar(CodeAt(characters, i));
            buffer[offset + i] = c;
            if (c != ' ')
            {
                count = i + 1;
            }
        }

        return count;
    }

    /// <summary>The 6-bit code of <paramref name="character"/> (A-Z, 0-9, space), or -1 when it has none.</summary>
    public static int ToCode(char character)
    {
        if (character >= 'A' && character <= 'Z')
        {
            return character - 'A' + 1;
        }

        if (character >= '0' && character <= '9')
        {
            return character - '0' + 48;
        }

        return character == ' ' ? 32 : -1;
    }

    /// <summary>
    /// Packs up to 8 characters (A-Z, 0-9, space) into 8 codes, first in bits 47-42, padded
    /// with spaces on the right (Annex 10 Vol IV 3.1.2.9.1.2: the identification is left-justified).
    /// </summary>
    /// <param name="text">The callsign, 0 to 8 characters.</param>
    /// <param name="characters">The packed codes.</param>
    /// <returns>False when the text is null, longer than 8 characters or holds a character the set lacks (e.g. lower case).</returns>
    public static bool TryPack(string text, out ulong characters)
    {
        characters = 0;
        if (text == null || text.Length > Length)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            var code = i < text.Length ? ToCode(text[i]) : 32;
            if (code < 0)
            {
                characters = 0;
                return false;
            }

            characters = (characters << 6) | (uint)code;
        }

        return true;
    }
}
