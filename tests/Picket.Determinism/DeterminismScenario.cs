using System.Buffers.Binary;
using System.Security.Cryptography;
using Picket.Geodesy;
using Picket.Numerics;
using Picket.Tracking.Filter;

namespace Picket.Determinism;

/// <summary>
/// A fixed two-hour, three-target scenario computed with integers only (truth, noise, geodesy,
/// filter, IMM), so its output must be identical on every host. Every record (time, both channels'
/// means and covariances, NIS, geodetic position, IMM mode probability and combined estimate,
/// saturation counts) is written little-endian into
/// one SHA-256.
/// </summary>
public sealed class DeterminismScenario
{
    private const int DurationSeconds = 2 * 3600;
    private readonly byte[] _record = new byte[8 * 50];

    /// <summary>Number of records hashed by the last run.</summary>
    public int RecordCount { get; private set; }

    /// <summary>Runs the scenario; returns the lower-case hex SHA-256 of all records.</summary>
    public string RunAndHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        RecordCount = 0;
        int saturations = 0;
        var plane = new MastPlane(Q2x61.FromDegreesE7(601_000_000, ref saturations), Q2x61.FromDegreesE7(255_000_000, ref saturations));
        TargetClass[] classes = [TargetClass.Airliner, TargetClass.Fighter, TargetClass.Drone];
        for (int target = 0; target < classes.Length; target++)
        {
            RunTarget(plane, classes[target], (ulong)(target + 1) * 0x5EED, hash);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void RunTarget(MastPlane plane, TargetClass targetClass, ulong seed, IncrementalHash hash)
    {
        var random = new SplitMix64(seed);
        var filter = new TrackFilter { TargetClass = targetClass };
        var imm = new InteractingMultipleModelFilter(Q39x24.FromInteger(1), Q39x24.FromInteger(400), Q2x61.One / 20, Q2x61.One / 10);
        int saturations = 0;
        long speed = Q31x32.FromInteger(targetClass == TargetClass.Fighter ? 300 : targetClass == TargetClass.Drone ? 30 : 230);
        long turnPerSecond = targetClass == TargetClass.Fighter ? Q2x61.One / 6 : Q2x61.One / 20;
        long east = Q31x32.FromInteger(-60_000);
        long north = Q31x32.FromInteger(90_000);
        long height = Q31x32.FromInteger(targetClass == TargetClass.Drone ? 150 : 9_000);
        long velocityEast = speed;
        long velocityNorth = 0;
        long positionVariance = Q39x24.FromInteger(225);
        long velocityVariance = Q39x24.FromInteger(1);

        for (int second = 0; second < DurationSeconds; second++)
        {
            long time = second * 1_000_000L + (long)(random.Next() % 200_000);

            // Truth: fly straight for 240 s, turn for 120 s, repeat.
            if (second % 360 >= 240)
            {
                Trigonometry.SinCos(turnPerSecond, out long sine, out long cosine);
                long rotatedEast = Q2x61.Multiply(cosine, velocityEast, ref saturations) + Q2x61.Multiply(sine, velocityNorth, ref saturations);
                velocityNorth = Q2x61.Multiply(cosine, velocityNorth, ref saturations) - Q2x61.Multiply(sine, velocityEast, ref saturations);
                velocityEast = rotatedEast;
            }

            east += velocityEast;
            north += velocityNorth;

            long measuredEast = east + random.Noise(15_000);
            long measuredNorth = north + random.Noise(15_000);
            long measuredHeight = height + random.Noise(10_000);
            if (second == 0)
            {
                filter.Initialise(time, measuredEast, measuredNorth, positionVariance, velocityEast, velocityNorth, velocityVariance);
                filter.InitialiseVertical(measuredHeight, Q39x24.FromInteger(100), 0, Q39x24.FromInteger(1));
                imm.Initialise(time, measuredEast, measuredNorth, positionVariance, velocityEast, velocityNorth, velocityVariance);
                continue;
            }

            filter.Predict(time);
            long nisEast = filter.UpdateEast(measuredEast, positionVariance);
            long nisNorth = filter.UpdateNorth(measuredNorth, positionVariance);
            long nisVelocity = filter.UpdateVelocityEast(velocityEast + random.Noise(1_000), velocityVariance)
                + filter.UpdateVelocityNorth(velocityNorth + random.Noise(1_000), velocityVariance);
            long nisHeight = filter.UpdateHeight(measuredHeight, Q39x24.FromInteger(100));
            long nisRadar = 0;
            if (second % 4 == 0)
            {
                nisRadar = RadarPlot(plane, filter, random, time + 500_000, east, north, height, ref saturations);
            }

            imm.Predict(time);
            long nisImm = imm.Update(0, measuredEast, positionVariance) + imm.Update(1, measuredNorth, positionVariance);
            GaussianEstimate combined = imm.Combine();

            plane.ToGeodetic(filter.Horizontal.Mean[0], filter.Horizontal.Mean[1], out long latitude, out long longitude, ref saturations);
            WriteRecord(hash, filter, [time, nisEast, nisNorth, nisVelocity, nisHeight, nisRadar, latitude, longitude, filter.SaturationCount, saturations,
                nisImm, imm.ManoeuvreProbability, combined.Mean[0], combined.Mean[1], combined.Mean[2], combined.Mean[3], combined.Covariance[0], combined.Covariance[5], combined.Covariance[15], imm.SaturationCount]);
        }
    }

    private static long RadarPlot(MastPlane plane, TrackFilter filter, SplitMix64 random, long time, long east, long north, long height, ref int saturations)
    {
        long groundTruth = FixedPoint.Hypotenuse(east, north, ref saturations);
        long slant = FixedPoint.Hypotenuse(groundTruth, height, ref saturations) + random.Noise(40_000);
        long azimuth = Trigonometry.Atan2(east, north) + (random.Noise(2_000) << 29 >> 32);
        Trigonometry.SinCos(azimuth, out long sine, out long cosine);
        if (!plane.TryGroundRange(slant, Q31x32.FromInteger(40), filter.Vertical.Mean[0], sine, cosine, out long ground, ref saturations))
        {
            return -1;
        }

        filter.Predict(time);
        long crossSigma = Q31x32.Multiply(ground, Q31x32.FromRatio(2, 1000, ref saturations), ref saturations);
        long crossVariance = FixedPoint.MultiplyShift(crossSigma, crossSigma, 40, ref saturations);
        return filter.UpdateRadar(0, 0, ground, sine, cosine, Q39x24.FromInteger(1600), crossVariance);
    }

    private void WriteRecord(IncrementalHash hash, TrackFilter filter, long[] values)
    {
        int offset = 0;
        foreach (long value in values)
        {
            Put(value, ref offset);
        }

        foreach (long value in filter.Horizontal.Mean)
        {
            Put(value, ref offset);
        }

        foreach (long value in filter.Horizontal.Covariance)
        {
            Put(value, ref offset);
        }

        foreach (long value in filter.Vertical.Mean)
        {
            Put(value, ref offset);
        }

        foreach (long value in filter.Vertical.Covariance)
        {
            Put(value, ref offset);
        }

        hash.AppendData(_record, 0, offset);
        RecordCount++;
    }

    private void Put(long value, ref int offset)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_record.AsSpan(offset), value);
        offset += 8;
    }
}
