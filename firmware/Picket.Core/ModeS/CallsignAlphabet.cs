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
}
