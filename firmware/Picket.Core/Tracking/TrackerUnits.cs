using Picket.Numerics;

namespace Picket.Tracking;

/// <summary>The tracker's unit conversions into the filter's fixed-point formats.</summary>
internal static class TrackerUnits
{
    // Q31.32 metres from millimetres.
    public static long FromMillimetres(long millimetres)
    {
        int saturations = 0;
        return FixedPoint.DivideShift(millimetres, 1000, Q31x32.FractionBits, ref saturations);
    }

    // Q39.24 variance (m²) from a one-sigma in millimetres.
    public static long VarianceFromSigmaMillimetres(long sigmaMillimetres)
    {
        int saturations = 0;
        return FixedPoint.DivideShift(sigmaMillimetres * sigmaMillimetres, 1_000_000, Q39x24.FractionBits, ref saturations);
    }

    // Feet (pressure altitude) to Q31.32 metres: 1 ft = 0.3048 m exactly.
    public static long FeetToMetres(int feet)
    {
        return FromMillimetres(feet * 3048L / 10);
    }
}
