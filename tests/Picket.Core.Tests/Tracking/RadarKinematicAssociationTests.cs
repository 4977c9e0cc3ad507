using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;

namespace Picket.Tracking;

/// <summary>
/// The kinematic association alone, on hand-made plot geometry (radar at the mast, plots due
/// north, no identity) and two tracks on the north axis at 1,000 m and 1,400 m (σ 100 m per axis,
/// at rest). With plot σ 50 m the range innovation's variance is 12,500 m²: the plot at 1,050 m
/// has NIS 0.2 with the first track and 9.8 with the second (both ≤ 14, gated), the one at
/// 1,350 m the reverse; the plot at 3 km (NIS 320 and 204.8) is in no gate.
/// </summary>
public class RadarKinematicAssociationTests : ITrackerOutput
{
    private const long Start = RadarRoleRig.Start;

    void ITrackerOutput.OnTrackReport(ref TrackReport report)
    {
    }

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert)
    {
    }

    [Fact]
    public void AssociateByKinematics_TwoTracksTwoPlotsInBothGates_EachTheNearestAndTheFarPlotUngated()
    {
        var role = new RadarRoleRig(3, this);
        Track first = role.PlaceTrack(1_000);
        Track second = role.PlaceTrack(1_400);
        PlotGeometry near = role.PlacePlotNorth(0, 1_350, new RadarMeasurement { SensorId = 7 });
        PlotGeometry nearFirst = role.PlacePlotNorth(1, 1_050, new RadarMeasurement { SensorId = 7 });
        PlotGeometry far = role.PlacePlotNorth(2, 3_000, new RadarMeasurement { SensorId = 7 });

        role.KinematicAssociation.AssociateByKinematics(3, Start);

        Assert.True(near.Used);
        Assert.True(nearFirst.Used);
        Assert.False(far.Used);
        Assert.True(role.Gated[0]);
        Assert.True(role.Gated[1]);
        Assert.False(role.Gated[2]);
        Assert.Equal(1, first.RadarHits);
        Assert.Equal(1, second.RadarHits);
        // Each estimate pulled towards its own plot: the first north of 1,000 m, the second south of 1,400 m.
        Assert.InRange(first.Filter.Horizontal.Mean[1], Q31x32.FromInteger(1_001), Q31x32.FromInteger(1_050));
        Assert.InRange(second.Filter.Horizontal.Mean[1], Q31x32.FromInteger(1_350), Q31x32.FromInteger(1_399));
        Assert.Equal(2, role.Counters.RadarPlotsAssociated);
    }

    /// <summary>
    /// A precise track (σ 20 m) at 1,000 m and a vague one (σ 600 m, as after coasting) at
    /// 1,600 m compete for one plot at 1,100 m. By NIS alone the vague track is nearer (100² /
    /// 2,900 = 3.4 against 500² / 362,500 = 0.7) and took the plot; with ln(|S| / |R|) added
    /// (0.3 against 10.0) the plot 100 m from the precise track goes to it.
    /// </summary>
    [Fact]
    public void AssociateByKinematics_PreciseAndVagueTrackInOneGate_PlotGoesToThePreciseTrack()
    {
        var role = new RadarRoleRig(1, this);
        Track precise = role.PlaceTrack(1_000, 20);
        Track vague = role.PlaceTrack(1_600, 600);
        PlotGeometry plot = role.PlacePlotNorth(0, 1_100, new RadarMeasurement { SensorId = 7 });

        role.KinematicAssociation.AssociateByKinematics(1, Start);

        Assert.True(plot.Used);
        Assert.Equal(1, precise.RadarHits);
        Assert.Equal(0, vague.RadarHits);
    }

    [Fact]
    public void AssociateByKinematics_TrackTakenByIdentity_NotACandidate()
    {
        var role = new RadarRoleRig(3, this);
        Track first = role.PlaceTrack(1_000);
        PlotGeometry plot = role.PlacePlotNorth(0, 1_050, new RadarMeasurement { SensorId = 7 });
        role.Taken[0] = true;

        role.KinematicAssociation.AssociateByKinematics(1, Start);

        Assert.False(plot.Used);
        Assert.False(role.Gated[0]);
        Assert.Equal(0, first.RadarHits);
    }

    /// <summary>
    /// An identified track at 1,000 m the radar updated by identity in this batch, a confirmed
    /// primary-only track 20 m from it (its shadow: its aircraft switched its transponder on) and a
    /// primary-only neighbour at 1,400 m. The plot at 1,180 m: NIS 160² / 12,500 = 2.0 with the
    /// shadow, 220² / 12,500 = 3.9 with the neighbour, both in the gate. The shadow yields it to
    /// the neighbour; a plot only the shadow gates (900 m: NIS 1.2, the neighbour's 20 beyond the
    /// gate) it still takes. A tentative track is nobody's shadow: it competes.
    /// </summary>
    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    public void AssociateByKinematics_ShadowOfATrackUpdatedByIdentity_YieldsAPlotAnotherTrackGates(bool yield, bool tentative, bool shadowTakesIt)
    {
        var (shadow, neighbour) = AssociateBesideIdentifiedTrack(yield, tentative, 1_180);

        Assert.Equal(shadowTakesIt ? 1 : 0, shadow.RadarHits);
        Assert.Equal(shadowTakesIt ? 0 : 1, neighbour.RadarHits);

        var (aloneShadow, far) = AssociateBesideIdentifiedTrack(yield, tentative, 900);

        Assert.Equal(1, aloneShadow.RadarHits);
        Assert.Equal(0, far.RadarHits);
    }

    // The identified track at 1,000 m (taken by identity), the would-be shadow at 1,020 m and the
    // confirmed neighbour at 1,400 m, one plot at plotMetres, one batch associated.
    private (Track Shadow, Track Neighbour) AssociateBesideIdentifiedTrack(bool yield, bool tentative, int plotMetres)
    {
        var role = new RadarRoleRig(1, this, new TrackerConfiguration { IdentityShadowsYield = yield }, trackCapacity: 3);
        role.PlaceTrack(1_000).HasIcaoAddress = true;
        Track shadow = role.PlaceTrack(1_020);
        shadow.Status = tentative ? TrackStatus.Tentative : TrackStatus.Confirmed;
        Track neighbour = role.PlaceTrack(1_400);
        neighbour.Status = TrackStatus.Confirmed;
        role.Taken[0] = true;
        role.PlacePlotNorth(0, plotMetres, new RadarMeasurement { SensorId = 7 });

        role.KinematicAssociation.AssociateByKinematics(1, Start);
        return (shadow, neighbour);
    }

    /// <summary>
    /// One plot at 1,180 m between the tracks at 1,000 m and 1,400 m: NIS 180² / 12,500 = 2.592
    /// with the first, 220² / 12,500 = 3.872 with the second (equal ln |S| terms), so the first
    /// takes it, and the assignment giving it to the second instead is Δ = 1.28 dearer, e^(-0.64)
    /// = 0.527 times as likely. With the widening (on by default), the plot updates the first track as a plot
    /// of variance 2,500 × 1.527 m²: gain 10,000 / (10,000 + 3,818) = 0.724, not 0.8.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AssociateByKinematics_PlotBetweenTwoTracks_UpdatesTheNearerAsWideAsTheAlternativeIsLikely(bool widen)
    {
        var configuration = new TrackerConfiguration();
        if (!widen)
        {
            configuration.RadarAmbiguityVarianceScaleMaximum = Q31x32.One;
        }

        var role = new RadarRoleRig(1, this, configuration);
        Track first = role.PlaceTrack(1_000);
        Track second = role.PlaceTrack(1_400);
        role.PlacePlotNorth(0, 1_180, new RadarMeasurement { SensorId = 7 });

        role.KinematicAssociation.AssociateByKinematics(1, Start);

        double scale = widen ? 1 + Math.Exp(-((220.0 * 220 / 12_500) - (180.0 * 180 / 12_500)) / 2) : 1;
        double expected = 1_000 + (10_000 / (10_000 + (2_500 * scale)) * 180);
        Assert.Equal(1, first.RadarHits);
        Assert.Equal(0, second.RadarHits);
        Assert.Equal(expected, first.Filter.Horizontal.Mean[1] / (double)Q31x32.One, 0.5);
    }

    /// <summary>A plot no other track gates is not ambiguous: the widening leaves its update as it was (1,000 + 0.8 × 50 m).</summary>
    [Fact]
    public void AssociateByKinematics_PlotInOneTracksGateOnly_NotWidened()
    {
        var role = new RadarRoleRig(1, this, new TrackerConfiguration());
        Track track = role.PlaceTrack(1_000);
        role.PlaceTrack(3_000);
        role.PlacePlotNorth(0, 1_050, new RadarMeasurement { SensorId = 7 });

        role.KinematicAssociation.AssociateByKinematics(1, Start);

        Assert.Equal(1_040, track.Filter.Horizontal.Mean[1] / (double)Q31x32.One, 0.5);
    }

    /// <summary>
    /// One track at 1,000 m and two plots in its gate, at 1,050 m (NIS 0.2) and 1,300 m (NIS 7.2):
    /// the track takes the nearer. The other, scanned at the same moment, is a second target's
    /// (a radar gives a target one plot a scan) and may start a track; with
    /// <see cref="TrackerConfiguration.SecondPlotsStartTracks"/> off it stays held, as every gated
    /// plot was. Scanned 200 ms later (beyond <see cref="TrackerConfiguration.SecondPlotMaximumSeparationMicroseconds"/>)
    /// it could be the same target's next plot, in a batch longer than the radar's scan: held.
    /// </summary>
    [Theory]
    [InlineData(true, 0, false)]
    [InlineData(false, 0, true)]
    [InlineData(true, 200_000, true)]
    public void AssociateByKinematics_SecondPlotInTheGateOfATrackThatTookOne_FreeToStartATrackWhenScannedWithIt(bool secondPlotsStartTracks, int laterMicroseconds, bool held)
    {
        var role = new RadarRoleRig(2, this, new TrackerConfiguration { SecondPlotsStartTracks = secondPlotsStartTracks });
        Track track = role.PlaceTrack(1_000);
        PlotGeometry near = role.PlacePlotNorth(0, 1_050, new RadarMeasurement { SensorId = 7 });
        PlotGeometry second = role.PlacePlotNorth(1, 1_300, new RadarMeasurement { SensorId = 7 });
        role.Plots[1].TimeUnixMicroseconds += laterMicroseconds;

        role.KinematicAssociation.AssociateByKinematics(2, Start);

        Assert.True(near.Used);
        Assert.False(second.Used);
        Assert.Equal(1, track.RadarHits);
        Assert.True(role.Gated[0]);
        Assert.Equal(held, role.Gated[1]);
    }
}
