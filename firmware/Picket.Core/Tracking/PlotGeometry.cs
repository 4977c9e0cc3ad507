using Picket.Geodesy;
using Picket.Numerics;
using Picket.Radar;
using Picket.Tracking.Measurements;

namespace Picket.Tracking;

/// <summary>
/// A radar plot placed in the mast plane: ground range from the slant range with the best height
/// the plot itself carries (3-D height I048/110, then Mode C), or an assumed height band with the
/// extra range variance that implies; the tracker replaces it per track when the track's
/// altitude is known. A position measurement (NMEA TLL) is placed directly, as a zero-range
/// "plot" from its own position with equal range and cross-range variance. Scratch owned by the
/// tracker, one per batch slot.
/// </summary>
internal sealed class PlotGeometry
{
    public bool Usable;
    public bool Used;
    public bool HasOwnHeight;
    public long SlantRange;
    public long GroundRange;
    public long Sine;
    public long Cosine;
    public long RadarEast;
    public long RadarNorth;
    public long RadarHeight;
    public long East;
    public long North;
    public long BaseRangeVariance;
    public long RangeVariance;
    public long CrossRangeVariance;

    // True for a position measurement (no slant range, no height).
    public bool IsPosition;

    // True when the plot's address or callsign named a track outside the identity gate: the plot is then
    // associated kinematically like an unidentified plot and its identity is not adopted.
    public bool IdentityRejected;

    // The assumed height band of a plot without height (Q31.32 m above the ellipsoid): bottom, and
    // top capped by the radar's highest elevation at this slant range.
    public long BandLowest;
    public long BandTop;

    // Fixed-point saturations of the last Prepare (the tracker adds them to its counters).
    public int Saturations;

    // sineMaxElevation (Q2.61): sine of configuration.MaxElevationDegreesE7, computed once per batch by the caller.
    public void Prepare(MastPlane plane, TrackerConfiguration configuration, long sineMaxElevation, long radarEast, long radarNorth, long radarHeight, ref RadarMeasurement measurement)
    {
        int saturations = 0;
        Used = false;
        IdentityRejected = false;
        IsPosition = measurement.HasPosition;
        if (IsPosition)
        {
            PreparePosition(plane, configuration, ref measurement);
            return;
        }

        RadarEast = radarEast;
        RadarNorth = radarNorth;
        RadarHeight = radarHeight;
        SlantRange = FixedPoint.DivideShift(measurement.RangeMillimetres, 1000, Q31x32.FractionBits, ref saturations);
        // Azimuth 0..360° as a signed ±180° angle for the Q2.61 radian conversion.
        long azimuthE7 = measurement.AzimuthMicrodegrees * 10L;
        if (azimuthE7 > 1_800_000_000L)
        {
            azimuthE7 -= 3_600_000_000L;
        }

        Trigonometry.SinCos(Q2x61.FromDegreesE7(azimuthE7, ref saturations), out Sine, out Cosine);
        long sigmaRange = measurement.SigmaRangeMillimetres > 0 ? measurement.SigmaRangeMillimetres : 50_000;
        BaseRangeVariance = FixedPoint.DivideShift(sigmaRange * sigmaRange, 1_000_000, Q39x24.FractionBits, ref saturations);
        RangeVariance = BaseRangeVariance;
        HasOwnHeight = measurement.HasHeight || measurement.HasPressureAltitude;
        if (HasOwnHeight)
        {
            // I048/110 is geometric height above mean sea level (EUROCONTROL ASTERIX Part 4,
            // CAT048 I048/110: "3D height ... relative to mean sea level"), taken here as above the
            // ellipsoid like the radar's site height: the geoid undulation (about 20 m around the
            // Baltic) is far below a 3-D radar's height sigma. Mode C is pressure altitude, taken as
            // the height with the standard atmosphere's uncertainty; near the zenith that
            // uncertainty is kilometres of ground range (on tuning seeds the track's own filtered
            // height in its place did worse on Mode A/C crossings).
            int feet = measurement.HasHeight ? measurement.HeightFeet : measurement.PressureAltitudeFeet;
            long height = FixedPoint.DivideShift(feet * 3048L, 10_000, Q31x32.FractionBits, ref saturations);
            Usable = plane.TryGroundRange(SlantRange, radarHeight, height, Sine, Cosine, out GroundRange, ref saturations);

            // The height's own uncertainty moves the ground range too, by kilometres near the zenith.
            int sigmaHeight = measurement.HasHeight
                ? (measurement.SigmaHeightMillimetres > 0 ? measurement.SigmaHeightMillimetres : configuration.RadarHeightSigmaMillimetres)
                : PressureAltitudeConversion.StandardAtmosphereSigmaMillimetres(feet, configuration.IsaSurfaceSigmaMillimetres, configuration.IsaSigmaPartsPerThousand);
            RangeVariance = plane.GroundRangeVariance(
                SlantRange,
                radarHeight,
                height,
                FixedPoint.DivideShift(sigmaRange, 1000, Q31x32.FractionBits, ref saturations),
                FixedPoint.DivideShift(sigmaHeight, 1000, Q31x32.FractionBits, ref saturations),
                Sine,
                Cosine,
                ref saturations);
        }
        else
        {
            long top = radarHeight + FixedPoint.MultiplyShift(SlantRange, sineMaxElevation, Q2x61.FractionBits, ref saturations);
            long highest = Q31x32.FromInteger(configuration.AssumedHighestHeightMetres);
            long lowest = Q31x32.FromInteger(configuration.AssumedLowestHeightMetres);
            top = top < highest ? top : highest;
            top = top > lowest ? top : lowest;
            BandLowest = lowest;
            BandTop = top;
            Usable = plane.TryGroundRangeInHeightBand(SlantRange, radarHeight, lowest, top, Sine, Cosine, out GroundRange, out long extra, ref saturations);
            RangeVariance = BaseRangeVariance + extra;
        }

        if (!Usable)
        {
            Saturations = saturations;
            return;
        }

        // Cross-range sigma = ground range × azimuth sigma (radians).
        long sigmaAzimuth = Q2x61.FromDegreesE7(measurement.SigmaAzimuthMicrodegrees > 0 ? measurement.SigmaAzimuthMicrodegrees * 10L : 1_000_000L, ref saturations);
        long sigmaCross = FixedPoint.MultiplyShift(GroundRange, sigmaAzimuth, Q2x61.FractionBits, ref saturations);
        // Q31.32 × Q31.32 is Q62.64; shifting by 40 leaves Q39.24. A 1 m floor keeps it positive near the radar.
        CrossRangeVariance = FixedPoint.MultiplyShift(sigmaCross, sigmaCross, 40, ref saturations);
        if (CrossRangeVariance < Q39x24.One)
        {
            CrossRangeVariance = Q39x24.One;
        }

        East = radarEast + FixedPoint.MultiplyShift(GroundRange, Sine, Q2x61.FractionBits, ref saturations);
        North = radarNorth + FixedPoint.MultiplyShift(GroundRange, Cosine, Q2x61.FractionBits, ref saturations);
        Saturations = saturations;
    }

    // The larger of the plot's range and cross-range variances (Q39.24 m²).
    public long LargerVariance => RangeVariance > CrossRangeVariance ? RangeVariance : CrossRangeVariance;

    // The plot's position covariance in the plane: its range variance along the ray
    // u = (sin θ, cos θ) and its cross-range variance across it, w = (cos θ, −sin θ), so
    // P = σr² u uᵀ + σc² w wᵀ (Q39.24 m²).
    public void PlaneCovariance(out long varianceEast, out long covarianceEastNorth, out long varianceNorth, ref int saturations)
    {
        long sineSquared = FixedPoint.MultiplyShift(Sine, Sine, Q2x61.FractionBits, ref saturations);
        long cosineSquared = FixedPoint.MultiplyShift(Cosine, Cosine, Q2x61.FractionBits, ref saturations);
        long sineCosine = FixedPoint.MultiplyShift(Sine, Cosine, Q2x61.FractionBits, ref saturations);
        varianceEast = FixedPoint.MultiplyShift(RangeVariance, sineSquared, Q2x61.FractionBits, ref saturations)
            + FixedPoint.MultiplyShift(CrossRangeVariance, cosineSquared, Q2x61.FractionBits, ref saturations);
        varianceNorth = FixedPoint.MultiplyShift(RangeVariance, cosineSquared, Q2x61.FractionBits, ref saturations)
            + FixedPoint.MultiplyShift(CrossRangeVariance, sineSquared, Q2x61.FractionBits, ref saturations);
        covarianceEastNorth = FixedPoint.MultiplyShift(RangeVariance - CrossRangeVariance, sineCosine, Q2x61.FractionBits, ref saturations);
    }

    // A position measurement as a plot at zero range from itself: the range axis is north, the
    // cross axis east, both with the position variance, so the radar update is a plain position update.
    private void PreparePosition(MastPlane plane, TrackerConfiguration configuration, ref RadarMeasurement measurement)
    {
        int saturations = 0;
        long latitude = Q2x61.FromDegreesE7(measurement.LatitudeE7, ref saturations);
        long longitude = Q2x61.FromDegreesE7(measurement.LongitudeE7, ref saturations);
        plane.ToPlane(latitude, longitude, out East, out North, ref saturations);
        RadarEast = East;
        RadarNorth = North;
        RadarHeight = 0;
        SlantRange = 0;
        GroundRange = 0;
        Sine = 0;
        Cosine = Q2x61.One;
        HasOwnHeight = true;
        long sigma = measurement.SigmaPositionMillimetres > 0 ? measurement.SigmaPositionMillimetres : configuration.PositionMeasurementSigmaMillimetres;
        BaseRangeVariance = FixedPoint.DivideShift(sigma * sigma, 1_000_000, Q39x24.FractionBits, ref saturations);
        RangeVariance = BaseRangeVariance;
        CrossRangeVariance = BaseRangeVariance;
        Usable = true;
        Saturations = saturations;
    }
}
