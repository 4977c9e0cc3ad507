using Picket.Publishing;

namespace Picket.Tracking;

/// <summary>
/// The track table: a fixed number of <see cref="Track"/> slots allocated once, track ids counted
/// from <see cref="TrackerConfiguration.FirstTrackId"/> and never reused, lookup by ICAO address,
/// and the start and end of a track's life in a slot. When every slot is taken, a new track sheds
/// the oldest tentative one (counted); with only confirmed tracks it is refused (counted).
/// </summary>
internal sealed class TrackTable
{
    private readonly Track[] _tracks;
    private readonly TrackerCounters _counters;
    private readonly ZoneMonitor _zoneMonitor;
    private readonly TrackReporter _reporter;
    private long _nextTrackId;

    /// <summary>Allocates every slot.</summary>
    /// <param name="configuration">Capacity and first track id.</param>
    /// <param name="zoneCount">Zones each track keeps an occupancy of.</param>
    /// <param name="zoneMonitor">Told when a track ends (a track that ends inside is lost).</param>
    /// <param name="reporter">Reports a track that ends as dropped.</param>
    /// <param name="counters">Started, dropped, shed and refused tracks are counted here.</param>
    public TrackTable(TrackerConfiguration configuration, int zoneCount, ZoneMonitor zoneMonitor, TrackReporter reporter, TrackerCounters counters)
    {
        _counters = counters;
        _zoneMonitor = zoneMonitor;
        _reporter = reporter;
        _nextTrackId = configuration.FirstTrackId;
        _tracks = new Track[configuration.TrackCapacity];
        for (int i = 0; i < _tracks.Length; i++)
        {
            _tracks[i] = new Track(zoneCount);
        }
    }

    /// <summary>The slots (check <see cref="Track.InUse"/>).</summary>
    public Track[] Tracks => _tracks;

    /// <summary>Live tracks.</summary>
    public int LiveCount
    {
        get
        {
            int count = 0;
            for (int i = 0; i < _tracks.Length; i++)
            {
                if (_tracks[i].InUse)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The live track with this ICAO address, or null.</summary>
    public Track FindByIcao(int icao)
    {
        int slot = FindSlotByIcao(icao);
        return slot < 0 ? null : _tracks[slot];
    }

    /// <summary>The slot of the live track with this ICAO address, or -1.</summary>
    public int FindSlotByIcao(int icao)
    {
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (track.InUse && track.HasIcaoAddress && track.IcaoAddress == icao)
            {
                return i;
            }
        }

        return -1;
    }

    // A free slot for a new track; when the table is full the oldest tentative track is shed
    // (counted). Returns null (counted) when every slot holds a confirmed track.
    public Track Allocate(long timeMicroseconds, long nowMicroseconds)
    {
        Track oldestTentative = null;
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse)
            {
                Start(track, timeMicroseconds);
                return track;
            }

            if (track.Status == TrackStatus.Tentative && (oldestTentative == null || track.BornMicroseconds < oldestTentative.BornMicroseconds))
            {
                oldestTentative = track;
            }
        }

        if (oldestTentative == null)
        {
            _counters.TracksRefused++;
            return null;
        }

        _counters.TracksShed++;
        Drop(oldestTentative, nowMicroseconds);
        Start(oldestTentative, timeMicroseconds);
        return oldestTentative;
    }

    /// <summary>Ends a track: the zones learn it ended (lost if inside), it is reported dropped, its slot freed.</summary>
    public void Drop(Track track, long nowMicroseconds)
    {
        _zoneMonitor.Ended(track, nowMicroseconds);

        _reporter.Report(track, TrackStatus.Dropped, nowMicroseconds);
        track.InUse = false;
        _counters.TracksDropped++;
    }

    private void Start(Track track, long timeMicroseconds)
    {
        track.Reset(_nextTrackId++, timeMicroseconds);
        track.Filter.Manoeuvring = false;
        _counters.TracksStarted++;
    }
}
