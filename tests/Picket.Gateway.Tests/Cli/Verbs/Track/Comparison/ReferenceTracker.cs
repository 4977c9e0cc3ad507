using Picket.Radar;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Geodesy;
using Picket.Tracking.Measurements;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// The plain reference tracker of issue 9, in doubles, not in the product: one constant-velocity
/// Kalman filter per track in the mast's east/north plane; identity first (an ICAO address
/// finds its track); sequential nearest neighbour with a Mahalanobis gate for plots without an
/// address (one plot per track per scan); two-plot initiation; confirmation at 3 hits; deletion
/// after 3 missed scans; process noise raised ×20 for three updates after a 3-sigma innovation;
/// zones as a plain point-in-polygon on the updated estimate (enter, exit, lost when deleted inside).
/// It reports into the same <see cref="TrackingEvaluator"/> as Picket. Velocities cross between
/// frames as Picket's do: ADS-B's (east/north at the aircraft) is turned into the mast's plane,
/// and a report's back into the track's own east/north.
/// </summary>
internal sealed class ReferenceTracker
{
    private readonly ReferenceTrackerSettings _settings;
    private readonly GeoPosition _site;
    private readonly GeoPosition _radar;
    private readonly IReadOnlyList<EvaluationZone> _zones;
    private readonly TrackingEvaluator _evaluator;
    private readonly long _start;
    private readonly double _earthRadius;
    private readonly List<ReferenceTrack> _tracks = [];
    private readonly Dictionary<int, ReferenceTrack> _byIcao = [];
    private readonly double[] _x = new double[4];
    private readonly double[] _p = new double[16];
    private long _nextId = 1;
    private long _lastHousekeeping = long.MinValue;

    public ReferenceTracker(ReferenceTrackerSettings settings, GeoPosition site, GeoPosition radar, IReadOnlyList<EvaluationZone> zones, TrackingEvaluator evaluator, long startUnixMicroseconds)
    {
        _settings = settings;
        _site = site;
        _radar = radar;
        _zones = zones;
        _evaluator = evaluator;
        _start = startUnixMicroseconds;

        // The Gaussian mean radius at the radar: slant range to elevation on a sphere.
        var latitude = Wgs84.ToRadians(radar.LatitudeDegrees);
        _earthRadius = Math.Sqrt(Wgs84.MeridianRadius(latitude) * Wgs84.PrimeVerticalRadius(latitude));
    }

    /// <summary>Tracks started.</summary>
    public int TracksStarted => (int)(_nextId - 1);

    /// <summary>The live tracks, oldest first.</summary>
    public IReadOnlyList<ReferenceTrack> Tracks => _tracks;

    /// <summary>Feeds every decoded input in order.</summary>
    public void Run(IEnumerable<RecordedInput> inputs)
    {
        foreach (var input in inputs)
        {
            switch (input.Kind)
            {
                case RecordedInputKind.ModeS:
                    AddModeS(input.Observation);
                    break;
                case RecordedInputKind.Radar:
                    AddRadar(input.Plot);
                    break;
                default:
                    NorthMarker(input.TimeUnixMicroseconds);
                    break;
            }
        }
    }

    private void AddModeS(ModeSObservation o)
    {
        var time = o.TimeUnixMicroseconds;
        Housekeeping(time, force: false);
        _byIcao.TryGetValue(o.IcaoAddress, out var track);
        if (o.HasPosition)
        {
            var height = o.HasAltitude ? o.AltitudeFeet * 0.3048 : track?.HeightMetres ?? 0;
            var enu = Wgs84.ToEnu(_site, new GeoPosition(o.LatitudeE7 / 1e7, o.LongitudeE7 / 1e7, height));
            var variance = Math.Pow(o.PositionSigmaMillimetres / 1000.0, 2);
            track ??= NewTrack(time, enu.X, enu.Y, variance, 0, variance, o.IcaoAddress);
            if (track.Hits > 0)
            {
                UpdatePosition(track, time, enu.X, enu.Y, variance, 0, variance);
            }

            Hit(track, time);
        }

        if (track is null)
        {
            return;
        }

        track.Cooperative = true;
        if (o.HasAltitude)
        {
            track.HeightMetres = o.AltitudeFeet * 0.3048;
        }

        if (o.HasVelocity)
        {
            // East/north at the aircraft, turned into the mast's frame (the meridian convergence).
            var velocity = Wgs84.RotateEnu(
                Wgs84.FromEnu(_site, new Vector3(track.X[0], track.X[2], 0)),
                _site,
                new Vector3(o.VelocityEastMillimetresPerSecond / 1000.0, o.VelocityNorthMillimetresPerSecond / 1000.0, 0));
            var ve = velocity.X;
            var vn = velocity.Y;
            var variance = _settings.AdsbVelocitySigma * _settings.AdsbVelocitySigma;
            if (!track.HasVelocity)
            {
                track.X[1] = ve;
                track.X[3] = vn;
                track.P[5] = variance;
                track.P[15] = variance;
                track.HasVelocity = true;
            }
            else
            {
                Predict(track, time);
                Update(track, 1, 3, ve, vn, variance, 0, variance, out _);
            }
        }
    }

    private void AddRadar(RadarMeasurement m)
    {
        var time = m.TimeUnixMicroseconds;
        Housekeeping(time, force: false);
        ReferenceTrack? track = null;
        if (m.HasIcaoAddress)
        {
            _byIcao.TryGetValue(m.IcaoAddress, out track);
        }

        // Height for the slant-to-ground projection: the 3-D radar's, the reply's Mode C, the track's, else the radar's own.
        var height = m.HasHeight ? m.HeightFeet * 0.3048
            : m.HasPressureAltitude ? m.PressureAltitudeFeet * 0.3048
            : track is not null && !double.IsNaN(track.HeightMetres) ? track.HeightMetres
            : _radar.HeightMetres;
        var (east, north, ree, ren, rnn) = PlotToPlane(m, height);
        if (!m.HasIcaoAddress)
        {
            track = Nearest(time, east, north, ree, ren, rnn);
        }

        if (track is null)
        {
            track = NewTrack(time, east, north, ree, ren, rnn, m.HasIcaoAddress ? m.IcaoAddress : 0);
        }
        else
        {
            UpdatePosition(track, time, east, north, ree, ren, rnn);
        }

        track.LastRadarUpdate = time;
        if (m.HasIcaoAddress || m.HasMode3A)
        {
            track.Cooperative = true;
        }

        if (m.HasHeight || m.HasPressureAltitude)
        {
            track.HeightMetres = height;
        }

        Hit(track, time);
    }

    private void NorthMarker(long time)
    {
        Housekeeping(time, force: true);

        // Coasting reports: every confirmed track's prediction, once per scan.
        foreach (var track in _tracks)
        {
            if (track.Confirmed)
            {
                Array.Copy(track.X, _x, 4);
                Array.Copy(track.P, _p, 16);
                PredictInto(_x, _p, (time - track.Time) / 1e6, track.BoostLeft > 0);
                Report(track, time, _x, _p, dropped: false);
            }
        }
    }

    // Sequential nearest neighbour: the track with the smallest Mahalanobis distance within the
    // gate, among tracks not yet given a radar plot in this scan; a track with a velocity first,
    // and only a plot none of them gates may be a one-plot track's second (track maintenance
    // before initiation: otherwise a clutter plot of the last scan beside a target takes the
    // target's plot from its own track).
    private ReferenceTrack? Nearest(long time, double east, double north, double ree, double ren, double rnn)
    {
        ReferenceTrack? best = null;
        var bestDistance = double.MaxValue;
        var scan = (long)(_settings.ScanPeriodSeconds * 1e6);
        for (var pass = 0; pass < 2 && best is null; pass++)
        {
            foreach (var track in _tracks)
            {
                if (track.HasVelocity != (pass == 0)
                    || track.LastRadarUpdate > time - (scan / 2)
                    || (track.Icao != 0 && time - track.LastRadarUpdate < 3 * scan && track.LastRadarUpdate != long.MinValue))
                {
                    continue;
                }

                var dt = Math.Max(0, (time - track.Time) / 1e6);
                double distance;
                if (!track.HasVelocity)
                {
                    // One plot so far: the second must lie within the fastest target's reach.
                    var reach = (_settings.MaximumSpeed * dt) + (3 * Math.Sqrt(ree + rnn + track.P[0] + track.P[10]));
                    var d = Math.Sqrt(Math.Pow(east - track.X[0], 2) + Math.Pow(north - track.X[2], 2));
                    distance = d <= reach ? _settings.GateChiSquare * (d / reach) * (d / reach) : double.MaxValue;
                }
                else
                {
                    Array.Copy(track.X, _x, 4);
                    Array.Copy(track.P, _p, 16);
                    PredictInto(_x, _p, dt, track.BoostLeft > 0);
                    var s00 = _p[0] + ree;
                    var s01 = _p[2] + ren;
                    var s11 = _p[10] + rnn;
                    var det = (s00 * s11) - (s01 * s01);
                    var y0 = east - _x[0];
                    var y1 = north - _x[2];
                    distance = ((s11 * y0 * y0) - (2 * s01 * y0 * y1) + (s00 * y1 * y1)) / det;
                }

                if (distance <= _settings.GateChiSquare && distance < bestDistance)
                {
                    best = track;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    private ReferenceTrack NewTrack(long time, double east, double north, double ree, double ren, double rnn, int icao)
    {
        var track = new ReferenceTrack(_nextId++, _zones.Count) { Time = time, LastUpdate = time, Icao = icao, Cooperative = icao != 0 };
        track.X[0] = east;
        track.X[2] = north;
        var speedVariance = Math.Pow(_settings.MaximumSpeed / 2, 2);
        track.P[0] = ree;
        track.P[2] = ren;
        track.P[8] = ren;
        track.P[10] = rnn;
        track.P[5] = speedVariance;
        track.P[15] = speedVariance;
        _tracks.Add(track);
        if (icao != 0)
        {
            _byIcao[icao] = track;
        }

        return track;
    }

    private void UpdatePosition(ReferenceTrack track, long time, double east, double north, double ree, double ren, double rnn)
    {
        if (!track.HasVelocity)
        {
            // Two-plot initiation: velocity from the two positions.
            var dt = (time - track.Time) / 1e6;
            if (dt > 0.2)
            {
                Array.Clear(track.P);
                track.X[1] = (east - track.X[0]) / dt;
                track.X[3] = (north - track.X[2]) / dt;
                track.X[0] = east;
                track.X[2] = north;
                track.P[0] = ree;
                track.P[2] = ren;
                track.P[8] = ren;
                track.P[10] = rnn;
                track.P[1] = track.P[4] = ree / dt;
                track.P[11] = track.P[14] = rnn / dt;
                track.P[5] = 2 * ree / (dt * dt);
                track.P[15] = 2 * rnn / (dt * dt);
                track.Time = time;
                track.HasVelocity = true;
            }

            return;
        }

        Predict(track, time);
        Update(track, 0, 2, east, north, ree, ren, rnn, out var mahalanobisSquared);
        if (track.BoostLeft > 0)
        {
            track.BoostLeft--;
        }

        if (mahalanobisSquared > 9)
        {
            track.BoostLeft = _settings.ManoeuvreBoostUpdates;
        }
    }

    private void Hit(ReferenceTrack track, long time)
    {
        track.Hits++;
        track.LastUpdate = time;
        if (!track.Confirmed && track.Hits >= _settings.ConfirmationHits && track.HasVelocity)
        {
            track.Confirmed = true;
        }

        if (track.Confirmed)
        {
            Report(track, track.Time, track.X, track.P, dropped: false);
            CheckZones(track, time);
        }
    }

    private void CheckZones(ReferenceTrack track, long time)
    {
        var position = Wgs84.FromEnu(_site, new Vector3(track.X[0], track.X[2], 0));
        for (var z = 0; z < _zones.Count; z++)
        {
            var inside = _zones[z].Contains(position.LatitudeDegrees, position.LongitudeDegrees);
            if (inside != track.Inside[z])
            {
                _evaluator.AddAlert(time - _start, track.Id, _zones[z].Name, enter: inside, track.Cooperative);
                track.Inside[z] = inside;
            }
        }
    }

    private void Housekeeping(long time, bool force)
    {
        if (!force && time - _lastHousekeeping < 1_000_000)
        {
            return;
        }

        _lastHousekeeping = time;
        var limit = (long)((_settings.MissedScansToDelete + 0.5) * _settings.ScanPeriodSeconds * 1e6);
        for (var i = _tracks.Count - 1; i >= 0; i--)
        {
            var track = _tracks[i];
            if (time - track.LastUpdate <= limit)
            {
                continue;
            }

            if (track.Confirmed)
            {
                Report(track, track.Time, track.X, track.P, dropped: true);
                for (var z = 0; z < _zones.Count; z++)
                {
                    if (track.Inside[z])
                    {
                        _evaluator.AddLostAlert(time - _start, track.Id, _zones[z].Name);
                    }
                }
            }

            if (track.Icao != 0 && _byIcao.TryGetValue(track.Icao, out var owner) && owner == track)
            {
                _byIcao.Remove(track.Icao);
            }

            _tracks.RemoveAt(i);
        }
    }

    private void Report(ReferenceTrack track, long time, double[] x, double[] p, bool dropped)
    {
        var sigmaEast = Math.Sqrt(p[0]);
        var sigmaNorth = Math.Sqrt(p[10]);
        var position = Wgs84.FromEnu(_site, new Vector3(x[0], x[2], 0));
        var velocity = Wgs84.RotateEnu(_site, position, new Vector3(x[1], x[3], 0)); // reported in the track's own frame
        _evaluator.AddEstimate(
            new TrackEstimate
            {
                TimeMicroseconds = time - _start,
                TrackId = track.Id,
                Position = position,
                VelocityEast = velocity.X,
                VelocityNorth = velocity.Y,
                SigmaEast = sigmaEast,
                SigmaNorth = sigmaNorth,
                Correlation = p[2] / (sigmaEast * sigmaNorth),
                Confirmed = true,
                Dropped = dropped,
            },
            track.Icao);
    }

    // Slant range and azimuth about the radar to the mast's plane, with the polar noise mapped
    // through the Jacobian at the plot's ground range.
    private (double East, double North, double Ree, double Ren, double Rnn) PlotToPlane(RadarMeasurement m, double heightMetres)
    {
        var slant = m.RangeMillimetres / 1000.0;
        var azimuth = Wgs84.ToRadians(m.AzimuthMicrodegrees / 1e6);
        var radarRadius = _earthRadius + _radar.HeightMetres;
        var targetRadius = _earthRadius + heightMetres;
        var sinElevation = Math.Clamp(((targetRadius * targetRadius) - (radarRadius * radarRadius) - (slant * slant)) / (2 * radarRadius * Math.Max(slant, 1)), -1, 1);
        var cosElevation = Math.Sqrt(1 - (sinElevation * sinElevation));
        var ground = slant * cosElevation;
        var enu = Wgs84.ToEnu(_site, Wgs84.FromEnu(_radar, new Vector3(ground * Math.Sin(azimuth), ground * Math.Cos(azimuth), slant * sinElevation)));
        var sr2 = _settings.RadarSigmaRangeMetres * _settings.RadarSigmaRangeMetres;
        var sa = Wgs84.ToRadians(_settings.RadarSigmaAzimuthDegrees);
        var sa2 = sa * sa;
        var (s, c) = Math.SinCos(azimuth);
        var ree = (s * s * sr2) + (ground * ground * c * c * sa2);
        var ren = (s * c * sr2) - (ground * ground * s * c * sa2);
        var rnn = (c * c * sr2) + (ground * ground * s * s * sa2);
        return (enu.X, enu.Y, ree, ren, rnn);
    }

    private void Predict(ReferenceTrack track, long time)
    {
        var dt = (time - track.Time) / 1e6;
        if (dt <= 0)
        {
            return;
        }

        PredictInto(track.X, track.P, dt, track.BoostLeft > 0);
        track.Time = time;
    }

    // Constant velocity with white acceleration noise: Q per axis q [dt^4/4, dt^3/2; dt^3/2, dt^2].
    private void PredictInto(double[] x, double[] p, double dt, bool boosted)
    {
        if (dt <= 0)
        {
            return;
        }

        x[0] += dt * x[1];
        x[2] += dt * x[3];

        // P = F P F^T with F = [1 dt 0 0; 0 1 0 0; 0 0 1 dt; 0 0 0 1].
        for (var c = 0; c < 4; c++)
        {
            p[c] += dt * p[4 + c];
            p[8 + c] += dt * p[12 + c];
        }

        for (var r = 0; r < 4; r++)
        {
            p[(r * 4) + 0] += dt * p[(r * 4) + 1];
            p[(r * 4) + 2] += dt * p[(r * 4) + 3];
        }

        var q = _settings.AccelerationSigma * _settings.AccelerationSigma * (boosted ? _settings.ManoeuvreBoost : 1);
        var dt2 = dt * dt;
        foreach (var o in (ReadOnlySpan<int>)[0, 2])
        {
            p[(o * 4) + o] += q * dt2 * dt2 / 4;
            p[(o * 4) + o + 1] += q * dt2 * dt / 2;
            p[((o + 1) * 4) + o] += q * dt2 * dt / 2;
            p[((o + 1) * 4) + o + 1] += q * dt2;
        }
    }

    // Kalman update on two state components (i, j) with the measurement (z0, z1) and its 2 x 2 noise.
    private static void Update(ReferenceTrack track, int i, int j, double z0, double z1, double r00, double r01, double r11, out double mahalanobisSquared)
    {
        var p = track.P;
        var x = track.X;
        var s00 = p[(i * 4) + i] + r00;
        var s01 = p[(i * 4) + j] + r01;
        var s11 = p[(j * 4) + j] + r11;
        var det = (s00 * s11) - (s01 * s01);
        var i00 = s11 / det;
        var i01 = -s01 / det;
        var i11 = s00 / det;
        var y0 = z0 - x[i];
        var y1 = z1 - x[j];
        mahalanobisSquared = (i00 * y0 * y0) + (2 * i01 * y0 * y1) + (i11 * y1 * y1);

        // K = P H^T S^-1 (4 x 2).
        var k = new double[8];
        for (var r = 0; r < 4; r++)
        {
            var pi = p[(r * 4) + i];
            var pj = p[(r * 4) + j];
            k[(r * 2) + 0] = (pi * i00) + (pj * i01);
            k[(r * 2) + 1] = (pi * i01) + (pj * i11);
        }

        for (var r = 0; r < 4; r++)
        {
            x[r] += (k[(r * 2) + 0] * y0) + (k[(r * 2) + 1] * y1);
        }

        // P = P - K H P (H P = rows i and j of P).
        var rowI = new double[4];
        var rowJ = new double[4];
        for (var c = 0; c < 4; c++)
        {
            rowI[c] = p[(i * 4) + c];
            rowJ[c] = p[(j * 4) + c];
        }

        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                p[(r * 4) + c] -= (k[(r * 2) + 0] * rowI[c]) + (k[(r * 2) + 1] * rowJ[c]);
            }
        }
    }
}
