using Picket.Numerics;

namespace Picket.Geodesy;

// Velocity conversion between local east/north and the plane's axes (ADS-B velocities).
public sealed partial class MastPlane
{
    /// <summary>
    /// Converts a velocity given against local geodetic east and north at a position (ADS-B
    /// airborne velocity, DO-260B §2.2.3.2.6) into plane axes. Away from the mast the plane's
    /// grid north is not local north (at 450 km east of a 60° N mast the meridians converge by
    /// about 7°) and the map scale differs slightly from 1, so the velocity is multiplied by the
    /// projection's Jacobian, taken by central differences over ±100 m. Valid for |latitude| &lt; 89°.
    /// The velocity is the target's own, at its height; the plane maps the ground beneath it, which
    /// that velocity crosses more slowly by the ratio of the radii of curvature at the ground and
    /// at the height: 0.16 % at 10 km (0.37 m/s at 230 m/s, which a filter held to it turns into a
    /// lead of metres over the positions).
    /// </summary>
    /// <param name="latitudeRadians">Geodetic latitude of the target, Q2.61 radians.</param>
    /// <param name="longitudeRadians">Longitude of the target, Q2.61 radians.</param>
    /// <param name="heightMetres">Height of the target above the ellipsoid, Q31.32 m (0 when unknown).</param>
    /// <param name="velocityEast">Velocity towards local east, Q31.32 m/s.</param>
    /// <param name="velocityNorth">Velocity towards local north, Q31.32 m/s.</param>
    /// <param name="planeEast">Velocity along the plane's east axis, Q31.32 m/s.</param>
    /// <param name="planeNorth">Velocity along the plane's north axis, Q31.32 m/s.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public void VelocityToPlane(long latitudeRadians, long longitudeRadians, long heightMetres, long velocityEast, long velocityNorth, out long planeEast, out long planeNorth, ref int saturations)
    {
        Jacobian(latitudeRadians, longitudeRadians, heightMetres, out long eastByEast, out long northByEast, out long eastByNorth, out long northByNorth, ref saturations);
        planeEast = Q2x61Multiply(eastByEast, velocityEast, ref saturations) + Q2x61Multiply(eastByNorth, velocityNorth, ref saturations);
        planeNorth = Q2x61Multiply(northByEast, velocityEast, ref saturations) + Q2x61Multiply(northByNorth, velocityNorth, ref saturations);
    }

    /// <summary>Inverse of <see cref="VelocityToPlane"/>: local east/north velocity at the target's height from plane axes.</summary>
    /// <param name="latitudeRadians">Geodetic latitude of the target, Q2.61 radians.</param>
    /// <param name="longitudeRadians">Longitude of the target, Q2.61 radians.</param>
    /// <param name="heightMetres">Height of the target above the ellipsoid, Q31.32 m (0 when unknown).</param>
    /// <param name="planeEast">Velocity along the plane's east axis, Q31.32 m/s.</param>
    /// <param name="planeNorth">Velocity along the plane's north axis, Q31.32 m/s.</param>
    /// <param name="velocityEast">Velocity towards local east, Q31.32 m/s.</param>
    /// <param name="velocityNorth">Velocity towards local north, Q31.32 m/s.</param>
    /// <param name="saturations">Incremented when an operation saturates.</param>
    public void VelocityToGeodetic(long latitudeRadians, long longitudeRadians, long heightMetres, long planeEast, long planeNorth, out long velocityEast, out long velocityNorth, ref int saturations)
    {
        Jacobian(latitudeRadians, longitudeRadians, heightMetres, out long eastByEast, out long northByEast, out long eastByNorth, out long northByNorth, ref saturations);
        long determinant = Q2x61.Multiply(eastByEast, northByNorth, ref saturations) - Q2x61.Multiply(eastByNorth, northByEast, ref saturations);
        long east = Q2x61Multiply(northByNorth, planeEast, ref saturations) - Q2x61Multiply(eastByNorth, planeNorth, ref saturations);
        long north = Q2x61Multiply(eastByEast, planeNorth, ref saturations) - Q2x61Multiply(northByEast, planeEast, ref saturations);
        velocityEast = FixedPoint.DivideShift(east, determinant, Q2x61.FractionBits, ref saturations);
        velocityNorth = FixedPoint.DivideShift(north, determinant, Q2x61.FractionBits, ref saturations);
    }

    // Plane metres per metre travelled at a height along local east and north at a position (Q2.61
    // entries): the steps are 100 m at the height, on radii of curvature lengthened by it.
    private void Jacobian(long latitudeRadians, long longitudeRadians, long heightMetres, out long eastByEast, out long northByEast, out long eastByNorth, out long northByNorth, ref int saturations)
    {
        const long StepMetres = 100L << 32;
        Trigonometry.SinCos(latitudeRadians, out long sineLatitude, out long cosineLatitude);
        Wgs84.RadiiOfCurvature(sineLatitude, out long primeVertical, out long meridional, ref saturations);
        long latitudeStep = FixedPoint.DivideShift(StepMetres, meridional + heightMetres, Q2x61.FractionBits, ref saturations);
        long parallelRadius = Q2x61Multiply(cosineLatitude, primeVertical + heightMetres, ref saturations);
        long longitudeStep = FixedPoint.DivideShift(StepMetres, parallelRadius, Q2x61.FractionBits, ref saturations);

        ToPlane(latitudeRadians, AngleDifference(longitudeRadians, -longitudeStep), out long eastPlusEast, out long eastPlusNorth, ref saturations);
        ToPlane(latitudeRadians, AngleDifference(longitudeRadians, longitudeStep), out long eastMinusEast, out long eastMinusNorth, ref saturations);
        ToPlane(latitudeRadians + latitudeStep, longitudeRadians, out long northPlusEast, out long northPlusNorth, ref saturations);
        ToPlane(latitudeRadians - latitudeStep, longitudeRadians, out long northMinusEast, out long northMinusNorth, ref saturations);

        eastByEast = FixedPoint.DivideShift(eastPlusEast - eastMinusEast, 2 * StepMetres, Q2x61.FractionBits, ref saturations);
        northByEast = FixedPoint.DivideShift(eastPlusNorth - eastMinusNorth, 2 * StepMetres, Q2x61.FractionBits, ref saturations);
        eastByNorth = FixedPoint.DivideShift(northPlusEast - northMinusEast, 2 * StepMetres, Q2x61.FractionBits, ref saturations);
        northByNorth = FixedPoint.DivideShift(northPlusNorth - northMinusNorth, 2 * StepMetres, Q2x61.FractionBits, ref saturations);
    }
}
