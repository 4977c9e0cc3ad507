namespace Picket.Zones;

/// <summary>
/// Enter/exit decisions with hysteresis, so a track flying along a boundary (or a noisy estimate
/// sitting on it) does not flap. A state change needs <see cref="DwellSamples"/> consecutive
/// samples on the other side by at least <see cref="MarginMillimetres"/>; a sample inside the
/// margin band neither advances nor resets the count, and a sample back on the current side
/// resets it. The event's time is the time of the deciding sample (when the alert is raised,
/// never back-dated), and an exit carries the stay's duration.
/// </summary>
public sealed class ZoneHysteresis
{
    /// <summary>Creates the rule.</summary>
    /// <param name="marginMillimetres">Distance beyond the boundary a sample must be to count, mm, ≥ 0.</param>
    /// <param name="dwellSamples">Consecutive counting samples needed, ≥ 1.</param>
    public ZoneHysteresis(long marginMillimetres, int dwellSamples)
    {
        MarginMillimetres = marginMillimetres < 0 ? 0 : marginMillimetres;
        DwellSamples = dwellSamples < 1 ? 1 : dwellSamples;
    }

    /// <summary>Required distance beyond the boundary, mm.</summary>
    public long MarginMillimetres { get; }

    /// <summary>Required consecutive samples.</summary>
    public int DwellSamples { get; }

    /// <summary>Advances one track's occupancy of one zone with a position sample (the rule's margin both ways).</summary>
    /// <param name="occupancy">The caller's state for this track and zone.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="eastMillimetres">Track east, mm.</param>
    /// <param name="northMillimetres">Track north, mm.</param>
    /// <param name="timeMicroseconds">Sample time, µs.</param>
    /// <param name="durationMicroseconds">On <see cref="ZoneTransition.Exit"/>, time since the enter event, µs; else 0.</param>
    /// <returns>The transition, if any.</returns>
    public ZoneTransition Update(ref ZoneOccupancy occupancy, ZoneGeometry zone, long eastMillimetres, long northMillimetres, long timeMicroseconds, out long durationMicroseconds) =>
        Update(ref occupancy, zone, eastMillimetres, northMillimetres, timeMicroseconds, MarginMillimetres, 0, out durationMicroseconds);

    /// <summary>
    /// Advances one track's occupancy of one zone with a position sample; a sample inside needs
    /// <paramref name="enterMarginMillimetres"/> (at most the rule's margin), so an accurate track
    /// can be declared inside sooner than an uncertain one is declared out; a sample outside needs
    /// the rule's margin, or <paramref name="exitMarginMillimetres"/> when that is more, so an
    /// uncertain track is declared out only when it is clearly out.
    /// </summary>
    /// <param name="occupancy">The caller's state for this track and zone.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="eastMillimetres">Track east, mm.</param>
    /// <param name="northMillimetres">Track north, mm.</param>
    /// <param name="timeMicroseconds">Sample time, µs.</param>
    /// <param name="enterMarginMillimetres">Margin for a sample inside the zone, mm (clamped to 0 … <see cref="MarginMillimetres"/>).</param>
    /// <param name="exitMarginMillimetres">Margin for a sample outside the zone, mm (at least <see cref="MarginMillimetres"/>).</param>
    /// <param name="durationMicroseconds">On <see cref="ZoneTransition.Exit"/>, time since the enter event, µs; else 0.</param>
    /// <returns>The transition, if any.</returns>
    public ZoneTransition Update(ref ZoneOccupancy occupancy, ZoneGeometry zone, long eastMillimetres, long northMillimetres, long timeMicroseconds, long enterMarginMillimetres, long exitMarginMillimetres, out long durationMicroseconds)
    {
        durationMicroseconds = 0;
        bool inside = zone.Contains(eastMillimetres, northMillimetres);
        if (inside == occupancy.Inside)
        {
            occupancy.ConsecutiveSamples = 0;
            return ZoneTransition.None;
        }

        long margin = exitMarginMillimetres > MarginMillimetres ? exitMarginMillimetres : MarginMillimetres;
        if (inside)
        {
            margin = enterMarginMillimetres < 0 ? 0 : enterMarginMillimetres < MarginMillimetres ? enterMarginMillimetres : MarginMillimetres;
        }

        if (margin > 0 && zone.DistanceToBoundary(eastMillimetres, northMillimetres) < margin)
        {
            return ZoneTransition.None;
        }

        occupancy.ConsecutiveSamples++;
        if (occupancy.ConsecutiveSamples < DwellSamples)
        {
            return ZoneTransition.None;
        }

        occupancy.ConsecutiveSamples = 0;
        occupancy.Inside = inside;
        if (inside)
        {
            occupancy.EnteredMicroseconds = timeMicroseconds;
            return ZoneTransition.Enter;
        }

        durationMicroseconds = timeMicroseconds - occupancy.EnteredMicroseconds;
        return ZoneTransition.Exit;
    }
}
