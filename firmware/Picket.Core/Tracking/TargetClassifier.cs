using Picket.Numerics;
using Picket.Tracking.Filter;

namespace Picket.Tracking;

/// <summary>
/// The target class (the filter's process noise and whether it runs the IMM) from what the
/// target says of itself: its ADS-B emitter category, else cooperative with ADS-B (an airliner),
/// else its speed against <see cref="TrackerConfiguration.DroneSpeedMetresPerSecond"/>.
/// </summary>
internal sealed class TargetClassifier
{
    private readonly TrackerConfiguration _configuration;
    private readonly long _turnRate;
    private readonly long _wideTurnRate;

    /// <summary>Creates the role.</summary>
    /// <param name="configuration">The drone speed limit and whether the manoeuvre model runs.</param>
    public TargetClassifier(TrackerConfiguration configuration)
    {
        _configuration = configuration;
        int saturations = 0;
        _turnRate = Q2x61.FromDegreesE7(configuration.TurnRateMillidegreesPerSecond * 10_000L, ref saturations);
        _wideTurnRate = Q2x61.FromDegreesE7(configuration.WideTurnRateMillidegreesPerSecond * 10_000L, ref saturations);
    }

    // The class (process noise) from what the target says of itself: ADS-B emitter category A6
    // (high performance) or B6 (UAV); otherwise a cooperative target with ADS-B is an airliner;
    // an SSR-only target (no emitter category) and a non-cooperative one faster than a drone are
    // aircraft of unknown type, and slower non-cooperative ones drones. With the configuration's
    // manoeuvre model, every class but the ADS-B airliner (positions at 2 Hz) runs the IMM, and
    // every one of those but the drone (whose weaving no steady turn rate describes) its turn modes.
    public void ChooseTargetClass(Track track)
    {
        TargetClass targetClass = TargetClass.Airliner;
        if (track.EmitterCategory != null)
        {
            // DO-260B §2.2.3.2.5.2: A6 high performance (> 5 g, > 400 kt); B6 unmanned aerial vehicle.
            if (track.EmitterCategory == "A6")
            {
                targetClass = TargetClass.Fighter;
            }
            else if (track.EmitterCategory == "B6")
            {
                targetClass = TargetClass.Drone;
            }
        }
        else if (!track.Cooperative || track.LastAdsbPositionMicroseconds == Track.NeverMicroseconds)
        {
            targetClass = TrackKinematics.Speed(track) < Q31x32.FromInteger(_configuration.DroneSpeedMetresPerSecond) ? TargetClass.Drone : TargetClass.Unknown;
        }

        track.Filter.TargetClass = targetClass;
        bool turns = targetClass != TargetClass.Drone && _turnRate > 0;
        track.Filter.TurnRate = turns ? _turnRate : 0;
        track.Filter.WideTurnRate = turns ? _wideTurnRate : 0;
        track.Filter.Manoeuvring = _configuration.ManoeuvreModel && targetClass != TargetClass.Airliner;
    }
}
