using Picket.ModeS;
using Picket.ModeS.Encoders;
using Picket.Simulation.Events;
using Picket.Simulation.Scenarios;
using Picket.Simulation.Truth;

namespace Picket.Simulation.Recording;

/// <summary>
/// Turns simulated ADS-B squitters and radar interrogations into the frames a transponder sends,
/// with the core's encoders. Truth is in metres and degrees; the frames carry the DO-260B
/// quantisation (CPR step, 25 ft, 1 kt, 64 fpm).
/// </summary>
internal static class SquitterFrames
{
    /// <summary>TC 11: NIC 8 (containment under 0.1 NM), what a GNSS navigator typically reports.</summary>
    public const int PositionTypeCode = 11;

    /// <summary>CA 5: level 2+ transponder, airborne.</summary>
    public const int AirborneCapability = 5;

    private const double FeetPerMetre = 1 / 0.3048;
    private const double KnotsPerMetrePerSecond = 3600 / 1852.0;

    /// <summary>Encodes <paramref name="squitter"/> into 14 bytes of <paramref name="frame"/>; false when it cannot be encoded.</summary>
    public static bool TryEncode(SquitterEvent squitter, SimulatedTarget target, byte[] frame)
    {
        var address = (uint)squitter.Icao;
        var state = squitter.State;
        int length;
        switch (squitter.Kind)
        {
            case SquitterKind.AirbornePosition:
                var position = squitter.ReportedPosition ?? state.Position;
                var altitudeFeet = double.IsNaN(squitter.PressureAltitudeFeet) ? position.HeightMetres * FeetPerMetre : squitter.PressureAltitudeFeet;
                length = ExtendedSquitterEncoder.EncodeAirbornePosition(
                    address, AirborneCapability, PositionTypeCode, (int)Math.Round(altitudeFeet),
                    ToBinaryAngle(position.LatitudeDegrees), ToBinaryAngle(position.LongitudeDegrees), squitter.OddFormat, frame, 0);
                break;
            case SquitterKind.Velocity:
                var velocity = Velocity(state);
                if (!double.IsNaN(squitter.GeometricMinusBarometricFeet))
                {
                    velocity.HasGeometricMinusBarometric = true;
                    velocity.GeometricMinusBarometricFeet = (int)Math.Round(squitter.GeometricMinusBarometricFeet);
                }

                length = ExtendedSquitterEncoder.EncodeVelocity(address, AirborneCapability, ref velocity, frame, 0);
                break;
            case SquitterKind.OperationalStatus:
                length = OperationalStatusFrame.Encode(address, AirborneCapability, squitter.NacP, frame);
                break;
            default:
                var (set, category) = EmitterCategory(target.Class);

                // A transponder without a flight identification sends spaces (Annex 10 Vol IV 3.1.2.9.1.2).
                if (!CallsignAlphabet.TryPack(target.Callsign ?? "", out var characters))
                {
                    CallsignAlphabet.TryPack("", out characters);
                }

                length = ExtendedSquitterEncoder.EncodeIdentification(address, AirborneCapability, set, category, characters, frame, 0);
                break;
        }

        if (length == 0)
        {
            return false;
        }

        if (squitter.FlippedBit is >= 1 and <= 112)
        {
            Bits.FlipBit(frame, 0, squitter.FlippedBit);
        }

        if (squitter.SecondFlippedBit is >= 1 and <= 112)
        {
            Bits.FlipBit(frame, 0, squitter.SecondFlippedBit);
        }

        return true;
    }

    /// <summary>Degrees to a binary angle (2^32 = 360 degrees), rounded.</summary>
    public static int ToBinaryAngle(double degrees) => (int)(uint)(long)Math.Round(degrees / 360 * 4294967296.0);

    private static GroundVelocity Velocity(TruthState state) => new()
    {
        EastKnots = (int)Math.Round(state.VelocityEast * KnotsPerMetrePerSecond),
        NorthKnots = (int)Math.Round(state.VelocityNorth * KnotsPerMetrePerSecond),
        HasVerticalRate = true,
        VerticalRateFeetPerMinute = (int)Math.Round(state.VerticalRateMetresPerSecond * FeetPerMetre * 60),
        BarometricVerticalRate = true,
        NacV = 2, // under 3 m/s (DO-260B table 2-24), a typical GNSS figure
    };

    /// <summary>DO-260B table 2-14: A3 large aircraft, A6 high performance, A7 rotorcraft, B7 unmanned aerial vehicle.</summary>
    private static (int Set, int Category) EmitterCategory(TargetClass targetClass) => targetClass switch
    {
        TargetClass.Fighter => (1, 6),
        TargetClass.Helicopter => (1, 7),
        TargetClass.Drone => (2, 7),
        _ => (1, 3),
    };
}
