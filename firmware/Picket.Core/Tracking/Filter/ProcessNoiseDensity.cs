using Picket.Numerics;

namespace Picket.Tracking.Filter;

/// <summary>
/// Spectral densities of the white acceleration noise driving the nearly-constant-velocity model
/// (Bar-Shalom, Li, Kirubarajan, "Estimation with Applications to Tracking and Navigation",
/// 2001, §6.2.2): per axis, Q = q [[dt³/3, dt²/2], [dt²/2, dt]].
/// </summary>
public struct ProcessNoiseDensity
{
    /// <summary>Horizontal density q (each of east and north), Q39.24 m²/s³.</summary>
    public long HorizontalSquareMetresPerCubicSecond;

    /// <summary>Vertical density q, Q39.24 m²/s³.</summary>
    public long VerticalSquareMetresPerCubicSecond;

    /// <summary>
    /// With the manoeuvre model on (<see cref="TrackFilter.Manoeuvring"/>): the quiet mode's
    /// horizontal density, Q39.24 m²/s³ (straight flight between manoeuvres).
    /// </summary>
    public long QuietHorizontalSquareMetresPerCubicSecond;

    /// <summary>
    /// With the manoeuvre model on: the manoeuvre mode's horizontal density, Q39.24 m²/s³
    /// (q ≈ a² × 1 s for the class's turn acceleration a).
    /// </summary>
    public long ManoeuvreHorizontalSquareMetresPerCubicSecond;

    /// <summary>
    /// With the turn modes on (<see cref="TrackFilter.TurnRate"/>): their horizontal density about
    /// the turn, Q39.24 m²/s³: 1 for every class (4, the fighter's quiet value, moved no scene
    /// of the tuning sweep by more than 0.8 m with one pair at 2°/s; 0.25, the unknown
    /// aircraft's quiet value since 2026-12-06, by no more than 0.5 m).
    /// </summary>
    public long TurnHorizontalSquareMetresPerCubicSecond;

    /// <summary>
    /// Starting densities per class, for flight between manoeuvres (q ≈ σ_a² × 1 s): airliner
    /// σ_a ≈ 1 m/s², fighter ≈ 20 m/s² (2 g), drone ≈ 2 m/s²; vertical about half the horizontal
    /// value. A standard-rate turn at 250 m/s is 13 m/s², far beyond the airliner's quiet value:
    /// ADS-B velocity updates or the manoeuvre mode of <see cref="InteractingMultipleModelFilter"/>
    /// carry a track through turns (measured in InteractingMultipleModelFilterTests: position-only
    /// at 2 s, the quiet model alone errs by 360 m RMS in turns).
    /// </summary>
    /// <param name="targetClass">The class.</param>
    /// <returns>The densities.</returns>
    public static ProcessNoiseDensity For(TargetClass targetClass)
    {
        ProcessNoiseDensity density;
        density.TurnHorizontalSquareMetresPerCubicSecond = Q39x24.One;
        switch (targetClass)
        {
            // Manoeuvre modes: fighter a ≈ 50 m/s² (5 g); unknown aircraft a ≈ 30 m/s²; airliner a
            // ≈ 8 m/s² (a 2°/s turn at 230 m/s); drone a ≈ 5 m/s². Quiet modes: σ_a ≈ 0.5-2 m/s².
            case TargetClass.Fighter:
                density.HorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(400);
                density.VerticalSquareMetresPerCubicSecond = Q39x24.FromInteger(100);
                density.QuietHorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(4);
                density.ManoeuvreHorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(2_500);
                break;
            case TargetClass.Drone:
                density.HorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(4);
                density.VerticalSquareMetresPerCubicSecond = Q39x24.FromInteger(1);
                density.QuietHorizontalSquareMetresPerCubicSecond = Q39x24.One;
                density.ManoeuvreHorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(25);
                break;
            // The unknown aircraft's quiet mode is straight flight held by an autopilot or a
            // pilot, σ_a ≈ 0.5 m/s² (q = 0.25): its turns are the turn modes' and the manoeuvre
            // mode's to follow. With q = 1 a 4 s track at 75 km (0.12°, 160 m across the ray)
            // wandered ±200 m across it on a straight leg, and a jet crossing a boundary at 10°
            // was alerted 7 s after it; on the tuning sweep (TuningSweepTests, 2026-12-06):
            // jet-formation −14.9 m mean GOSPA (31 of 31 runs better), border-skim −16.6,
            // gulf −10.0, midnight-crossings −8.9, manoeuvres +1.9.
            case TargetClass.Unknown:
                density.HorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(100);
                density.VerticalSquareMetresPerCubicSecond = Q39x24.FromInteger(25);
                density.QuietHorizontalSquareMetresPerCubicSecond = Q39x24.One / 4;
                density.ManoeuvreHorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(400);
                break;
            default:
                density.HorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(1);
                density.VerticalSquareMetresPerCubicSecond = Q39x24.One / 2;
                density.QuietHorizontalSquareMetresPerCubicSecond = Q39x24.One / 2;
                density.ManoeuvreHorizontalSquareMetresPerCubicSecond = Q39x24.FromInteger(64);
                break;
        }

        return density;
    }
}
