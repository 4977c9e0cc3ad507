namespace Picket.Tracking.Measurements;

/// <summary>
/// ADS-B quality indicators to one-sigma errors per axis, integers only. DO-260B gives 95 %
/// bounds: NACp the estimated position uncertainty (EPU, table 2-70), NACv the horizontal
/// velocity error (table 2-22), NIC the containment radius Rc (table 2-14, an integrity bound
/// of about 1e-7). A circular 2-D Gaussian holds 95 % within 2.4477 σ and 1 - 1e-7 within
/// 5.678 σ (√(2 ln 20), √(2 ln 1e7)). Zero means "unknown": the caller uses its default.
/// </summary>
public static class AdsbQuality
{
    // 95 % radius over sigma × 10,000 (2.4477) and 1e-7 radius over sigma × 1,000 (5.678).
    private const long NinetyFivePercentRatioTimes10000 = 24_477;
    private const long ContainmentRatioTimes1000 = 5_678;

    /// <summary>
    /// One-sigma per axis from NACp, millimetres: EPU 11 &lt; 3 m, 10 &lt; 10 m, 9 &lt; 30 m,
    /// 8 &lt; 0.05 NM, 7 &lt; 0.1 NM, 6 &lt; 0.3 NM, 5 &lt; 0.5 NM, 4 &lt; 1 NM, 3 &lt; 2 NM,
    /// 2 &lt; 4 NM, 1 &lt; 10 NM, divided by 2.4477.
    /// </summary>
    /// <param name="nacP">NACp, 0 to 11.</param>
    /// <returns>Sigma, mm; 0 for NACp 0 (unknown) or out of range.</returns>
    public static int PositionSigmaFromNacPMillimetres(int nacP)
    {
        long epu;
        switch (nacP)
        {
            case 11: epu = 3_000; break;
            case 10: epu = 10_000; break;
            case 9: epu = 30_000; break;
            case 8: epu = 92_600; break;
            case 7: epu = 185_200; break;
            case 6: epu = 555_600; break;
            case 5: epu = 926_000; break;
            case 4: epu = 1_852_000; break;
            case 3: epu = 3_704_000; break;
            case 2: epu = 7_408_000; break;
            case 1: epu = 18_520_000; break;
            default: return 0;
        }

        return (int)RoundedDivide(epu * 10_000, NinetyFivePercentRatioTimes10000);
    }

    /// <summary>
    /// The largest containment radius an airborne position's type code allows, millimetres
    /// (DO-260B table 2-14, NIC supplements unknown, so the wider radius): TC 9 and 20 &lt; 7.5 m,
    /// 10 and 21 &lt; 25 m, 11 &lt; 0.1 NM, 12 &lt; 0.2 NM, 13 and 14 &lt; 1 NM, 15 &lt; 2 NM, 16 &lt; 8 NM,
    /// 17 &lt; 20 NM.
    /// </summary>
    /// <param name="typeCode">ADS-B type code.</param>
    /// <returns>Rc, mm; 0 when unknown (TC 18, 22, not an airborne position).</returns>
    public static int ContainmentRadiusFromTypeCodeMillimetres(int typeCode)
    {
        switch (typeCode)
        {
            case 9:
            case 20:
                return 7_500;
            case 10:
            case 21:
                return 25_000;
            case 11: return 185_200;
            case 12: return 370_400;
            case 13:
            case 14:
                return 1_852_000;
            case 15: return 3_704_000;
            case 16: return 14_816_000;
            case 17: return 37_040_000;
            default: return 0;
        }
    }

    /// <summary>One-sigma per axis bounded by a containment radius (Rc / 5.678), millimetres; used only when NACp is unknown.</summary>
    /// <param name="containmentRadiusMillimetres">Rc, mm (0: unknown).</param>
    /// <returns>Sigma, mm; 0 when unknown.</returns>
    public static int PositionSigmaFromContainmentMillimetres(int containmentRadiusMillimetres)
    {
        if (containmentRadiusMillimetres <= 0)
        {
            return 0;
        }

        return (int)RoundedDivide(containmentRadiusMillimetres * 1000L, ContainmentRatioTimes1000);
    }

    /// <summary>
    /// One-sigma per axis of an ADS-B velocity from NACv (TC 19), mm/s: 95 % bounds 0 unknown or
    /// ≥ 10 m/s (taken as 10), 1 &lt; 10 m/s, 2 &lt; 3 m/s, 3 &lt; 1 m/s, 4 &lt; 0.3 m/s, divided by 2.4477.
    /// </summary>
    /// <param name="nacV">NACv, 0 to 7.</param>
    /// <returns>Sigma, mm/s; 0 for the reserved values 5 to 7.</returns>
    public static int VelocitySigmaFromNacVMillimetresPerSecond(int nacV)
    {
        long bound;
        switch (nacV)
        {
            case 0:
            case 1:
                bound = 10_000;
                break;
            case 2: bound = 3_000; break;
            case 3: bound = 1_000; break;
            case 4: bound = 300; break;
            default: return 0;
        }

        return (int)RoundedDivide(bound * 10_000, NinetyFivePercentRatioTimes10000);
    }

    /// <summary>Root-sum-square of two sigmas, millimetres (integer square root, rounded down).</summary>
    /// <param name="first">First sigma, mm, 0 to 2^31.</param>
    /// <param name="second">Second sigma, mm, 0 to 2^31.</param>
    /// <returns>√(first² + second²), mm.</returns>
    public static int RootSumSquare(int first, int second)
    {
        int saturations = 0;
        return (int)Numerics.FixedPoint.Hypotenuse(first, second, ref saturations);
    }

    private static long RoundedDivide(long numerator, long denominator) => (numerator + (denominator / 2)) / denominator;
}
