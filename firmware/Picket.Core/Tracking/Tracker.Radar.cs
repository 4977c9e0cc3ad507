using Picket.Asterix;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;
using Picket.Tracking.Association;

namespace Picket.Tracking;

// Radar plots: identity first (Mode S address, Mode 3/A with Mode C consistency), then global
// nearest neighbour over each batch with the optimal assignment; unassigned plots start tracks.
public sealed partial class Tracker
{
    // Beyond this many metres of a track's predicted position (per axis) a plot is not scored.
    private const int CoarseGateMetres = 10_000;

    private int[] _radarIds;
    private long[] _radarEast;
    private long[] _radarNorth;
    private long[] _radarHeight;
    private int _radarCount;
    private RadarMeasurement[] _plots;
    private PlotGeometry[] _geometry;
    private int _plotCount;
    private long _batchStartMicroseconds;
    private bool[] _taken;
    private Track[] _rows;
    private long[] _cost;
    private int[] _assignment;
    private bool[] _gated;
    private AssignmentSolver _solver;

    /// <summary>Sets (or moves) a radar's site; plots of unknown sensors are taken as from the mast.</summary>
    /// <param name="sensorId">The measurement's <see cref="RadarMeasurement.SensorId"/>.</param>
    /// <param name="latitudeE7">Site latitude, 1e-7 degree.</param>
    /// <param name="longitudeE7">Site longitude, 1e-7 degree.</param>
    /// <param name="heightMillimetres">Site height above the ellipsoid, mm.</param>
    /// <returns>False when the radar table is full.</returns>
    public bool SetRadarSite(int sensorId, int latitudeE7, int longitudeE7, int heightMillimetres)
    {
        int index = RadarIndex(sensorId);
        if (index < 0)
        {
            if (_radarCount == _radarIds.Length)
            {
                return false;
            }

            index = _radarCount++;
            _radarIds[index] = sensorId;
        }

        int saturations = 0;
        long latitude = Q2x61.FromDegreesE7(latitudeE7, ref saturations);
        long longitude = Q2x61.FromDegreesE7(longitudeE7, ref saturations);
        _plane.ToPlane(latitude, longitude, out _radarEast[index], out _radarNorth[index], ref saturations);
        _radarHeight[index] = FromMillimetres(heightMillimetres);
        return true;
    }

    /// <summary>Adds one radar plot (in time order per radar).</summary>
    /// <param name="measurement">The plot.</param>
    public void AddRadar(ref RadarMeasurement measurement)
    {
        Counters.RadarPlots++;
        if (measurement.AzimuthIsRelative || measurement.RangeMillimetres <= 0)
        {
            Counters.RadarPlotsUnusable++;
            return;
        }

        AdvanceTo(measurement.TimeUnixMicroseconds);
        if (_plotCount > 0 && (_plotCount == _plots.Length || measurement.TimeUnixMicroseconds < _batchStartMicroseconds
            || measurement.TimeUnixMicroseconds - _batchStartMicroseconds > _configuration.BatchSpanMicroseconds))
        {
            FlushRadar();
        }

        if (_plotCount == 0)
        {
            _batchStartMicroseconds = measurement.TimeUnixMicroseconds;
        }

        _plots[_plotCount++] = measurement;
    }

    /// <summary>Associates and applies the pending batch of radar plots now.</summary>
    public void FlushRadar()
    {
        int count = _plotCount;
        if (count == 0)
        {
            return;
        }

        _plotCount = 0;
        for (int i = 0; i < _taken.Length; i++)
        {
            _taken[i] = false;
        }

        int saturations = 0;
        Trigonometry.SinCos(Q2x61.FromDegreesE7(_configuration.MaxElevationDegreesE7, ref saturations), out long sineMaxElevation, out _);
        for (int p = 0; p < count; p++)
        {
            RadarSite(_plots[p].SensorId, out long radarEast, out long radarNorth, out long radarHeight);
            _geometry[p].Prepare(_plane, _configuration, sineMaxElevation, radarEast, radarNorth, radarHeight, ref _plots[p]);
            if (!_geometry[p].Usable)
            {
                Counters.RadarPlotsUnusable++;
            }
        }

        AssociateByIdentity(count);
        AssociateByKinematics(count);
        for (int p = 0; p < count; p++)
        {
            if (_geometry[p].Usable && !_geometry[p].Used && !_gated[p])
            {
                StartFromPlot(p);
            }
        }
    }

    private void AllocateRadar(TrackerConfiguration configuration)
    {
        _radarIds = new int[configuration.RadarCapacity];
        _radarEast = new long[configuration.RadarCapacity];
        _radarNorth = new long[configuration.RadarCapacity];
        _radarHeight = new long[configuration.RadarCapacity];
        int plots = configuration.PlotsPerBatch;
        _plots = new RadarMeasurement[plots];
        _geometry = new PlotGeometry[plots];
        for (int i = 0; i < plots; i++)
        {
            _geometry[i] = new PlotGeometry();
        }

        _gated = new bool[plots];
        _taken = new bool[configuration.TrackCapacity];
        _rows = new Track[plots];
        _cost = new long[plots * plots];
        _assignment = new int[plots];
        _solver = new AssignmentSolver(plots, plots);
    }

    private int RadarIndex(int sensorId)
    {
        for (int i = 0; i < _radarCount; i++)
        {
            if (_radarIds[i] == sensorId)
            {
                return i;
            }
        }

        return -1;
    }

    // The radar's plane position and height (the mast when the sensor's site is unknown).
    internal void RadarSite(int sensorId, out long east, out long north, out long height)
    {
        int index = RadarIndex(sensorId);
        if (index < 0)
        {
            east = 0;
            north = 0;
            height = FromMillimetres(_mastHeightMillimetres);
            return;
        }

        east = _radarEast[index];
        north = _radarNorth[index];
        height = _radarHeight[index];
    }

    private void AssociateByIdentity(int count)
    {
        for (int p = 0; p < count; p++)
        {
            _gated[p] = false;
            PlotGeometry plot = _geometry[p];
            if (!plot.Usable)
            {
                continue;
            }

            int index = -1;
            if (_plots[p].HasIcaoAddress)
            {
                index = FindSlotByIcao(_plots[p].IcaoAddress);
            }
            else if (_plots[p].HasMode3A)
            {
                index = FindByMode3A(ref _plots[p], plot);
            }

            if (index >= 0 && !_taken[index])
            {
                _taken[index] = true;
                plot.Used = true;
                _gated[p] = true;
                UpdateFromPlot(_tracks[index], p, true);
            }
        }
    }

    private int FindByMode3A(ref RadarMeasurement measurement, PlotGeometry plot)
    {
        for (int i = 0; i < _tracks.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || !track.HasMode3A || track.Mode3A != measurement.Mode3A || (measurement.HasIcaoAddress && track.HasIcaoAddress))
            {
                continue;
            }

            // Mode 3/A codes are not unique (conspicuity codes): the Mode C must agree too.
            if (measurement.HasPressureAltitude && track.HasPressureAltitude)
            {
                int difference = measurement.PressureAltitudeFeet - track.PressureAltitudeFeet;
                if (difference > _configuration.ModeCToleranceFeet || difference < -_configuration.ModeCToleranceFeet)
                {
                    continue;
                }
            }

            if (RoughlyNear(track, plot.East, plot.North, measurement.TimeUnixMicroseconds))
            {
                return i;
            }
        }

        return -1;
    }

    private void AssociateByKinematics(int count)
    {
        int rows = 0;
        for (int i = 0; i < _tracks.Length && rows < _rows.Length; i++)
        {
            Track track = _tracks[i];
            if (!track.InUse || _taken[i])
            {
                continue;
            }

            bool any = false;
            int rowBase = rows * count;
            for (int p = 0; p < count; p++)
            {
                long cost = AssignmentSolver.Forbidden;
                PlotGeometry plot = _geometry[p];
                if (plot.Usable && !plot.Used && !IdentityConflict(track, ref _plots[p]) && RoughlyNear(track, plot.East, plot.North, _plots[p].TimeUnixMicroseconds))
                {
                    _scratch.CopyFrom(track.Filter);
                    long nis = ApplyPlot(_scratch, p);
                    if (nis <= _configuration.RadarGateNis)
                    {
                        // NIS in 1/1024 units: integer costs keep the solver bit-exact.
                        cost = nis >> 22;
                        any = true;
                        _gated[p] = true;
                    }
                }

                _cost[rowBase + p] = cost;
            }

            if (any)
            {
                _rows[rows++] = track;
            }
        }

        if (rows == 0)
        {
            return;
        }

        _solver.Solve(_cost, rows, count, _configuration.RadarGateNis >> 22, _assignment);
        for (int row = 0; row < rows; row++)
        {
            int p = _assignment[row];
            if (p >= 0)
            {
                _geometry[p].Used = true;
                UpdateFromPlot(_rows[row], p, false);
            }
        }
    }

    private static bool IdentityConflict(Track track, ref RadarMeasurement measurement)
    {
        if (measurement.HasIcaoAddress && track.HasIcaoAddress)
        {
            return measurement.IcaoAddress != track.IcaoAddress;
        }

        return measurement.HasMode3A && track.HasMode3A && measurement.Mode3A != track.Mode3A;
    }

    // Updates a filter (the track's or the scratch copy) with plot p; returns the NIS or long.MaxValue.
    private long ApplyPlot(Filter.TrackFilter filter, int p)
    {
        PlotGeometry plot = _geometry[p];
        if (!PredictOrLate(filter, _plots[p].TimeUnixMicroseconds, out long lateSeconds))
        {
            return long.MaxValue;
        }

        int saturations = 0;
        long ground = plot.GroundRange;
        long rangeVariance = plot.RangeVariance;
        if (!plot.HasOwnHeight && filter.HasVertical)
        {
            // No height on the plot: the track's altitude (Mode C / ADS-B) is the best known.
            if (_plane.TryGroundRange(plot.SlantRange, plot.RadarHeight, filter.Vertical.Mean[0], plot.Sine, plot.Cosine, out long withTrackHeight, ref saturations))
            {
                ground = withTrackHeight;
                rangeVariance = plot.BaseRangeVariance;
            }
        }

        // A late plot: the target has since moved on by v·late; moving the radar with it is the same shift.
        long radarEast = plot.RadarEast + Q31x32.Multiply(filter.Horizontal.Mean[2], lateSeconds, ref saturations);
        long radarNorth = plot.RadarNorth + Q31x32.Multiply(filter.Horizontal.Mean[3], lateSeconds, ref saturations);
        return filter.UpdateRadar(radarEast, radarNorth, ground, plot.Sine, plot.Cosine, rangeVariance, plot.CrossRangeVariance);
    }

    private void UpdateFromPlot(Track track, int p, bool byIdentity)
    {
        long time = _plots[p].TimeUnixMicroseconds;
        bool adsbFed = track.LastAdsbPositionMicroseconds != 0 && time - track.LastAdsbPositionMicroseconds < 10_000_000;
        if (byIdentity && adsbFed)
        {
            _scratch.CopyFrom(track.Filter);
            long check = ApplyPlot(_scratch, p);
            if (check != long.MaxValue && check > _configuration.DisagreementNis)
            {
                // The radar sees this address elsewhere than its ADS-B says: keep the radar's
                // position and distrust the ADS-B positions for a while (possible spoofing).
                track.AdsbRadarDisagreementCount++;
                Counters.AdsbRadarDisagreements++;
                track.DistrustAdsbUntilMicroseconds = time + _configuration.DistrustMicroseconds;
                RestartAtPlot(track, p);
            }
        }

        long nis = ApplyPlot(track.Filter, p);
        if (nis == long.MaxValue)
        {
            Counters.LateMeasurements++;
            return;
        }

        Counters.RadarPlotsAssociated++;
        track.LastNis = nis;
        ApplyPlotIdentity(track, ref _plots[p]);
        RecordRadarHit(track, ref _plots[p]);
    }

    private void ApplyPlotIdentity(Track track, ref RadarMeasurement measurement)
    {
        if (measurement.HasIcaoAddress && !track.HasIcaoAddress)
        {
            track.HasIcaoAddress = true;
            track.IcaoAddress = measurement.IcaoAddress;
        }

        if (measurement.HasMode3A)
        {
            track.HasMode3A = true;
            track.Mode3A = measurement.Mode3A;
        }

        if (measurement.HasPressureAltitude)
        {
            ApplyPressureAltitude(track, measurement.PressureAltitudeFeet, measurement.TimeUnixMicroseconds);
        }
        else if (measurement.HasHeight)
        {
            ApplyPressureAltitude(track, measurement.HeightFeet, measurement.TimeUnixMicroseconds);
        }
    }

    private void RecordRadarHit(Track track, ref RadarMeasurement measurement)
    {
        long time = measurement.TimeUnixMicroseconds;
        if (track.LastRadarMicroseconds == 0 || time - track.LastRadarMicroseconds > _configuration.ScanPeriodMicroseconds / 2)
        {
            track.RadarHits++;
            if (!track.Cooperative)
            {
                track.ScansWithoutIdentity++;
            }
        }

        track.Sources |= SourcesOf(ref measurement);
        track.RadarUpdateCount++;
        track.UpdateCount++;
        if (time > track.LastRadarMicroseconds)
        {
            track.LastRadarMicroseconds = time;
        }

        if (time > track.LastUpdateMicroseconds)
        {
            track.LastUpdateMicroseconds = time;
        }

        track.Misses = 0;
        if (track.Status == TrackStatus.Coasting)
        {
            track.Status = TrackStatus.Confirmed;
        }
        else if (track.Status == TrackStatus.Tentative)
        {
            int needed = track.Cooperative ? _configuration.CooperativeConfirmHits : _configuration.PrimaryConfirmHits;
            if (track.RadarHits >= needed)
            {
                Confirm(track);
            }
        }

        if (track.Status != TrackStatus.Tentative && !track.Cooperative && track.ScansWithoutIdentity >= _configuration.NonCooperativeAfterScans)
        {
            track.NonCooperative = true;
        }

        ReportIfDue(track);
    }

    private static TrackSources SourcesOf(ref RadarMeasurement measurement)
    {
        if (measurement.Source == RadarMeasurementSource.ArpaTrackedTarget)
        {
            return TrackSources.Arpa;
        }

        switch (measurement.ReportType)
        {
            case TargetReportType.Psr:
                return TrackSources.RadarPsr;
            case TargetReportType.Ssr:
            case TargetReportType.ModeSAllCall:
            case TargetReportType.ModeSRollCall:
                return TrackSources.RadarSsr;
            default:
                return TrackSources.RadarPsr | TrackSources.RadarSsr;
        }
    }

    private void StartFromPlot(int p)
    {
        PlotGeometry plot = _geometry[p];
        long time = _plots[p].TimeUnixMicroseconds;
        Track track = Allocate(time);
        if (track == null)
        {
            return;
        }

        InitialiseAtPlot(track.Filter, plot, time, 0, 0);
        track.Filter.TargetClass = _configuration.TentativeTargetClass;
        plot.Used = true;
        ApplyPlotIdentity(track, ref _plots[p]);
        RecordRadarHit(track, ref _plots[p]);
    }

    private void RestartAtPlot(Track track, int p)
    {
        PlotGeometry plot = _geometry[p];
        Filter.TrackFilter filter = track.Filter;
        bool hadVertical = filter.HasVertical;
        long height = filter.Vertical.Mean[0];
        long rate = filter.Vertical.Mean[1];
        long heightVariance = filter.Vertical.CovarianceAt(0, 0);
        long rateVariance = filter.Vertical.CovarianceAt(1, 1);
        long time = _plots[p].TimeUnixMicroseconds;
        if (filter.TimeMicroseconds > time)
        {
            time = filter.TimeMicroseconds;
        }

        InitialiseAtPlot(filter, plot, time, filter.Horizontal.Mean[2], filter.Horizontal.Mean[3]);
        if (hadVertical)
        {
            filter.InitialiseVertical(height, heightVariance, rate, rateVariance);
        }
    }

    private void InitialiseAtPlot(Filter.TrackFilter filter, PlotGeometry plot, long time, long velocityEast, long velocityNorth)
    {
        long variance = plot.RangeVariance > plot.CrossRangeVariance ? plot.RangeVariance : plot.CrossRangeVariance;
        long velocityVariance = VarianceFromSigmaMillimetres(_configuration.InitialVelocitySigmaMetresPerSecond * 1000L);
        filter.Initialise(time, plot.East, plot.North, variance, velocityEast, velocityNorth, velocityVariance);
    }

    private static bool RoughlyNear(Track track, long east, long north, long time)
    {
        int saturations = 0;
        long seconds = Q31x32.FromMicroseconds(time - track.Filter.TimeMicroseconds, ref saturations);
        long predictedEast = track.Filter.Horizontal.Mean[0] + Q31x32.Multiply(track.Filter.Horizontal.Mean[2], seconds, ref saturations);
        long predictedNorth = track.Filter.Horizontal.Mean[1] + Q31x32.Multiply(track.Filter.Horizontal.Mean[3], seconds, ref saturations);
        long limit = Q31x32.FromInteger(CoarseGateMetres);
        long de = predictedEast - east;
        long dn = predictedNorth - north;
        return de < limit && de > -limit && dn < limit && dn > -limit;
    }
}
