using Picket.Geodesy;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Tracking.Filter;
using Picket.Tracking.Measurements;
using Picket.Zones;

namespace Picket.Tracking;

/// <summary>
/// The adoption role alone: an address no track holds, reporting a position at the mast (the
/// plane's origin), adopts an unidentified tentative track 50 m away (NIS 0.24, see
/// AdsbUpdaterTests), else starts an airliner-class track there; without a position, or with
/// the table full of confirmed tracks, it gets none (counted).
/// </summary>
public class AdsbTrackAdoptionTests : ITrackerOutput
{
    private const long Start = 1_000_000_000_000;
    private const int MastLatitudeE7 = 595_000_000;
    private const int MastLongitudeE7 = 250_000_000;

    void ITrackerOutput.OnTrackReport(ref TrackReport report)
    {
    }

    void ITrackerOutput.OnZoneAlert(ref ZoneAlert alert)
    {
    }

    [Fact]
    public void AdoptOrStart_NoPosition_NoTrackCounted()
    {
        var (adoption, _, counters) = Role();
        var observation = new ModeSObservation { TimeUnixMicroseconds = Start, IcaoAddress = 0x4CA123, HasCallsign = true };

        Assert.Null(adoption.AdoptOrStart(ref observation, Start));
        Assert.Equal(1, counters.ModeSWithoutTrack);
        Assert.Equal(0, counters.TracksStarted);
    }

    [Fact]
    public void AdoptOrStart_EmptyTable_AirlinerTrackStartedAtThePosition()
    {
        var (adoption, _, counters) = Role();
        var observation = AtTheMast(relayed: true);

        Track track = adoption.AdoptOrStart(ref observation, Start);

        Assert.NotNull(track);
        Assert.True(track.InUse);
        Assert.Equal(1, counters.TracksStarted);
        Assert.Equal(0, counters.TracksMerged);
        Assert.Equal(TargetClass.Airliner, track.Filter.TargetClass);
        Assert.Equal(Start, track.Filter.TimeMicroseconds);
        Assert.Equal(Start, track.LastAdsbPositionMicroseconds);
        Assert.True(track.IdentityRelayedOnly);
        // At the mast: within a metre of the plane's origin.
        Assert.InRange(track.Filter.Horizontal.Mean[0], -Q31x32.FromInteger(1), Q31x32.FromInteger(1));
        Assert.InRange(track.Filter.Horizontal.Mean[1], -Q31x32.FromInteger(1), Q31x32.FromInteger(1));
    }

    [Fact]
    public void AdoptOrStart_UnidentifiedTentativeTrackInTheGate_AdoptedAndCounted()
    {
        var (adoption, table, counters) = Role();
        Track existing = table.Allocate(Start, Start);
        existing.Filter.Initialise(Start, Q31x32.FromInteger(50), 0, Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(1));
        var observation = AtTheMast(relayed: false);

        Track track = adoption.AdoptOrStart(ref observation, Start);

        Assert.Same(existing, track);
        Assert.Equal(1, counters.TracksMerged);
        Assert.Equal(1, counters.TracksStarted);
        Assert.False(track.IdentityRelayedOnly);
    }

    [Fact]
    public void AdoptOrStart_TableFullOfConfirmedTracksFarAway_NoneRefused()
    {
        var (adoption, table, counters) = Role();
        for (int i = 0; i < table.Tracks.Length; i++)
        {
            Track track = table.Allocate(Start, Start);
            track.Filter.Initialise(Start, Q31x32.FromInteger(100_000), 0, Q39x24.FromInteger(10_000), 0, 0, Q39x24.FromInteger(1));
            track.Status = TrackStatus.Confirmed;
        }

        var observation = AtTheMast(relayed: false);

        Assert.Null(adoption.AdoptOrStart(ref observation, Start));
        Assert.Equal(1, counters.TracksRefused);
    }

    private static ModeSObservation AtTheMast(bool relayed) => new()
    {
        TimeUnixMicroseconds = Start,
        IcaoAddress = 0x4CA123,
        IsExtendedSquitter = true,
        IsRelayed = relayed,
        HasPosition = true,
        LatitudeE7 = MastLatitudeE7,
        LongitudeE7 = MastLongitudeE7,
        PositionSigmaMillimetres = 25_000,
    };

    private (AdsbTrackAdoption Adoption, TrackTable Table, TrackerCounters Counters) Role()
    {
        int saturations = 0;
        var configuration = new TrackerConfiguration { TrackCapacity = 2 };
        var plane = new MastPlane(Q2x61.FromDegreesE7(MastLatitudeE7, ref saturations), Q2x61.FromDegreesE7(MastLongitudeE7, ref saturations));
        var counters = new TrackerCounters();
        var zones = new ZoneMonitor(Array.Empty<ZoneGeometry>(), Array.Empty<string>(), 0, 1, 0, 2, 500, this, counters);
        var table = new TrackTable(configuration, 0, zones, new TrackReporter(plane, this), counters);
        var timing = new MeasurementTiming(configuration, counters);
        var adsb = new AdsbUpdater(configuration, plane, table.Tracks, new TrackFilter(), timing, new CoarseGate(configuration, counters), new TargetClassifier(configuration), counters);
        return (new AdsbTrackAdoption(configuration, table, adsb, counters), table, counters);
    }
}
