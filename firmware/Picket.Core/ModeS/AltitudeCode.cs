namespace Picket.ModeS;

/// <summary>
/// Decodes the 13-bit altitude code of DF0/4/16/20 (ICAO Annex 10 Vol IV 3.1.2.6.5.4) and the
/// 12-bit altitude of ADS-B airborne positions (DO-260B 2.2.3.2.3.4, the same code without the
/// M bit).
/// </summary>
public static class AltitudeCode
{
    /// <summary>
    /// Decodes AC13 (bits C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4, MSB first).
    /// </summary>
    /// <param name="code">The 13-bit field.</param>
    /// <param name="altitudeFeet">The altitude, feet.</param>
    /// <returns>False for "no altitude" (all zero), the metric form (M = 1) and illegal Gillham codes.</returns>
    public static bool TryDecode13(int code, out int altitudeFeet)
    {
        altitudeFeet = 0;
        if (code == 0 || (code & 0x40) != 0)
        {
            return false;
        }

        if ((code & 0x10) != 0)
        {
            // Q = 1: 25 ft steps, the 11 bits around M and Q form N; altitude = 25 N - 1000 (3.1.2.6.5.4 c).
            var n = ((code & 0x1F80) >> 2) | ((code & 0x20) >> 1) | (code & 0x0F);
            altitudeFeet = (n * 25) - 1000;
            return true;
        }

        return TryDecodeGillham(code, out altitudeFeet);
    }

    /// <summary>Decodes the 12-bit AC12 of ADS-B (AC13 with the M bit removed between bits 6 and 7).</summary>
    public static bool TryDecode12(int code, out int altitudeFeet)
    {
        var code13 = ((code & 0xFC0) << 1) | (code & 0x3F);
        return TryDecode13(code13, out altitudeFeet);
    }

    /// <summary>
    /// Encodes <paramref name="altitudeFeet"/> as AC13 with Q = 1 (25 ft steps, Annex 10 Vol IV
    /// 3.1.2.6.5.4 c): N = (altitude + 1000) / 25 rounded to the nearest step, M = 0.
    /// </summary>
    /// <param name="altitudeFeet">Altitude, feet, -1,000 to 50,175 (the range of the 25 ft code).</param>
    /// <param name="code">The 13-bit field.</param>
    /// <returns>False outside the range (higher altitudes need the 100 ft Gillham code).</returns>
    public static bool TryEncode13(int altitudeFeet, out int code)
    {
        code = 0;
        if (altitudeFeet < -1012 || altitudeFeet > 50187)
        {
            return false;
        }

        var n = (altitudeFeet + 1000 + 12) / 25;
        code = ((n & 0x7E0) << 2) | ((n & 0x10) << 1) | 0x10 | (n & 0x0F);
        return true;
    }

    /// <summary>Encodes AC12 for ADS-B airborne positions: <see cref="TryEncode13"/> with the M bit removed.</summary>
    /// <param name="altitudeFeet">Altitude, feet, -1,000 to 50,175.</param>
    /// <param name="code">The 12-bit field.</param>
    /// <returns>False outside the range.</returns>
    public static bool TryEncode12(int altitudeFeet, out int code)
    {
        var ok = TryEncode13(altitudeFeet, out var code13);
        code = ((code13 & 0x1F80) >> 1) | (code13 & 0x3F);
        return ok;
    }

    /// <summary>
    /// The 100 ft Gillham (Gray) code of Mode C: D2 D4 A1 A2 A4 B1 B2 B4 count 500 ft steps in
    /// reflected binary, C1 C2 C4 the 100 ft steps in a 5-state code reflected on odd 500 ft
    /// counts (Annex 10 Vol IV 3.1.1.7.12.2.3, table 3-4).
    /// </summary>
    private static bool TryDecodeGillham(int code, out int altitudeFeet)
    {
        altitudeFeet = 0;
        var c1 = (code >> 12) & 1;
        var a1 = (code >> 11) & 1;
        var c2 = (code >> 10) & 1;
        var a2 = (code >> 9) & 1;
        var c4 = (code >> 8) & 1;
        var a4 = (code >> 7) & 1;
        var b1 = (code >> 5) & 1;
        var b2 = (code >> 3) & 1;
        var d2 = (code >> 2) & 1;
        var b4 = (code >> 1) & 1;
        var d4 = code & 1;

        var gray500 = (d2 << 7) | (d4 << 6) | (a1 << 5) | (a2 << 4) | (a4 << 3) | (b1 << 2) | (b2 << 1) | b4;
        var count500 = gray500;
        for (var shift = gray500 >> 1; shift != 0; shift >>= 1)
        {
            count500 ^= shift;
        }

        int count100;
        switch ((c1 << 2) | (c2 << 1) | c4)
        {
            case 1: count100 = 1; break;
            case 3: count100 = 2; break;
            case 2: count100 = 3; break;
            case 6: count100 = 4; break;
            case 4: count100 = 5; break;
            default: return false;
        }

        if ((count500 & 1) != 0)
        {
            count100 = 6 - count100;
        }

        altitudeFeet = (count500 * 500) + (count100 * 100) - 1300;
        return true;
    }
}
