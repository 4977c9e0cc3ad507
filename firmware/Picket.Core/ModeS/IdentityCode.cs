namespace Picket.ModeS;

/// <summary>
/// Decodes the 13-bit identity (Mode 3/A) code of DF5/21 and ADS-B TC 28 (ICAO Annex 10 Vol IV
/// 3.1.2.6.7.1: bits C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4, MSB first).
/// </summary>
public static class IdentityCode
{
    /// <summary>Returns the code as 12 bits A4 A2 A1 B4 B2 B1 C4 C2 C1 D4 D2 D1 (four octal digits ABCD).</summary>
    public static int Decode(int code)
    {
        var a = (((code >> 7) & 1) << 2) | (((code >> 9) & 1) << 1) | ((code >> 11) & 1);
        var b = (((code >> 1) & 1) << 2) | (((code >> 3) & 1) << 1) | ((code >> 5) & 1);
        var c = (((code >> 8) & 1) << 2) | (((code >> 10) & 1) << 1) | ((code >> 12) & 1);
        var d = ((code & 1) << 2) | (((code >> 2) & 1) << 1) | ((code >> 4) & 1);
        return (a << 9) | (b << 6) | (c << 3) | d;
    }

    /// <summary>
    /// Encodes a Mode 3/A code given as 12 bits A4 A2 A1 B4 B2 B1 C4 C2 C1 D4 D2 D1 (0 to 4,095,
    /// octal 0000 to 7777) into the 13-bit field C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4 with X = 0.
    /// </summary>
    public static int Encode(int squawk)
    {
        var a = (squawk >> 9) & 7;
        var b = (squawk >> 6) & 7;
        var c = (squawk >> 3) & 7;
        var d = squawk & 7;
        return ((c & 1) << 12) | ((a & 1) << 11) | (((c >> 1) & 1) << 10) | (((a >> 1) & 1) << 9) | ((c >> 2) << 8) | ((a >> 2) << 7)
            | ((b & 1) << 5) | ((d & 1) << 4) | (((b >> 1) & 1) << 3) | (((d >> 1) & 1) << 2) | ((b >> 2) << 1) | (d >> 2);
    }
}
