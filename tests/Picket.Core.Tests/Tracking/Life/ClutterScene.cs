using Picket.Asterix;
using Picket.Numerics;
using Picket.Publishing;
using Picket.Radar;

namespace Picket.Tracking.Life;

/// <summary>
/// A test-side radar scene for track life (issue 9): one rotating primary radar at the mast,
/// uniform clutter over its coverage, an optional persistent cluster of clutter (a coast or a
/// ship lane: plots redrawn every scan within a fixed disc) and waves of real targets flying
/// straight at Pd below one. Truth is double precision in local east/north metres on a sphere
/// (as <see cref="TrackerScene"/>); plot noise is drawn from a seeded <see cref="Random"/>, and
/// the plots state a noise deliberately different from the one drawn (the tracker is not told
/// the truth). Scoring is independent of the tracker: a track is false when, the first time it
/// is seen confirmed, no live target is within <see cref="TruthRadiusMetres"/>.
/// </summary>
internal sealed class ClutterScene
{
    public const double TruthRadiusMetres = 1_000;
    private const double EarthRadius = 6_371_000;
    private const double TrueSigmaRangeMetres = 40;
    private const double TrueSigmaAzimuthDegrees = 0.15;
    private const double TrueSigmaHeightMetres = 40;

    private readonly Random _random;
    private readonly List<Target> _targets = [];
    private readonly HashSet<long> _seenConfirmed = [];
    private readonly List<RadarMeasurement> _scan = [];

    public ClutterScene(int seed, TrackerConfiguration configuration)
    {
        _random = new Random(seed);
        Scene = new TrackerScene(configuration);
    }

    public TrackerScene Scene { get; }

    public double ScanSeconds { get; init; } = 4;

    public double MaxRangeMetres { get; init; } = 40_000;

    public double UniformClutterPerScan { get; init; } = 20;

    public double ClusterPlotsPerScan { get; init; } = 5;

    public double ClusterEast { get; init; } = 15_000;

    public double ClusterNorth { get; init; } = 12_000;

    public double ClusterRadiusMetres { get; init; } = 2_000;

    public double DetectionProbability { get; init; } = 0.8;

    public int TargetsPerWave { get; init; } = 3;

    public double WaveSeconds { get; init; } = 300;

    public int FalseConfirmedTracks { get; private set; }

    public int TargetsSeen { get; private set; }

    public int TargetsConfirmed { get; private set; }

    /// <summary>Scans from each target's first detection opportunity to its first confirmed track within the truth radius.</summary>
    public List<int> ScansToConfirm { get; } = [];

    public void Run(double seconds)
    {
        var scans = (int)(seconds / ScanSeconds);
        for (var scan = 0; scan < scans; scan++)
        {
            var start = scan * ScanSeconds;
            if (start % WaveSeconds == 0)
            {
                StartWave(start);
            }

            DrawScan(start);
            foreach (var plot in _scan.OrderBy(p => p.TimeUnixMicroseconds))
            {
                var measurement = plot;
                Scene.Tracker.AddRadar(ref measurement);
            }

            Scene.Tracker.AdvanceTo(TrackerScene.At(start + ScanSeconds - 0.01));
            Score(start + ScanSeconds);
        }
    }

    private void StartWave(double start)
    {
        _targets.Clear();
        for (var i = 0; i < TargetsPerWave; i++)
        {
            // Straight through a point within 15 km of the mast, kept inside 30 km of it.
            var speed = 20 + (_random.NextDouble() * 230);
            var heading = _random.NextDouble() * 2 * Math.PI;
            var radius = 15_000 * Math.Sqrt(_random.NextDouble());
            var bearing = _random.NextDouble() * 2 * Math.PI;
            var duration = Math.Min(WaveSeconds, 30_000 / speed);
            var east = (radius * Math.Sin(bearing)) - (speed * Math.Sin(heading) * duration / 2);
            var north = (radius * Math.Cos(bearing)) - (speed * Math.Cos(heading) * duration / 2);
            _targets.Add(new Target(start, start + duration, east, north, speed * Math.Sin(heading), speed * Math.Cos(heading), 300 + (_random.NextDouble() * 3_000)));
            TargetsSeen++;
        }
    }

    private void DrawScan(double start)
    {
        _scan.Clear();
        foreach (var target in _targets)
        {
            var azimuth = 0.0;
            for (var iteration = 0; iteration < 3; iteration++)
            {
                // The beam meets the target where its azimuth is swept: a fixed point of t(azimuth).
                var t = start + (azimuth / 360 * ScanSeconds);
                var (e, n) = target.At(t);
                azimuth = ((Math.Atan2(e, n) * 180 / Math.PI) + 360) % 360;
            }

            var time = start + (azimuth / 360 * ScanSeconds);
            if (time < target.Appear || time > target.Vanish || _random.NextDouble() >= DetectionProbability)
            {
                continue;
            }

            if (target.FirstOpportunity < 0)
            {
                target.FirstOpportunity = start;
            }

            var (east, north) = target.At(time);
            AddPlot(time, east, north, target.Height);
        }

        foreach (var _ in Enumerable.Range(0, Poisson(UniformClutterPerScan)))
        {
            var radius = MaxRangeMetres * Math.Sqrt(_random.NextDouble());
            var bearing = _random.NextDouble() * 360;
            var east = radius * Math.Sin(bearing * Math.PI / 180);
            var north = radius * Math.Cos(bearing * Math.PI / 180);
            AddPlot(start + (bearing / 360 * ScanSeconds), east, north, _random.NextDouble() * 2_000);
        }

        foreach (var _ in Enumerable.Range(0, Poisson(ClusterPlotsPerScan)))
        {
            var radius = ClusterRadiusMetres * Math.Sqrt(_random.NextDouble());
            var angle = _random.NextDouble() * 2 * Math.PI;
            var east = ClusterEast + (radius * Math.Sin(angle));
            var north = ClusterNorth + (radius * Math.Cos(angle));
            var bearing = ((Math.Atan2(east, north) * 180 / Math.PI) + 360) % 360;
            AddPlot(start + (bearing / 360 * ScanSeconds), east, north, _random.NextDouble() * 200);
        }
    }

    private void AddPlot(double seconds, double east, double north, double height)
    {
        var ground = Math.Sqrt((east * east) + (north * north));
        var centralAngle = ground / EarthRadius;
        var sensor = EarthRadius + 30;
        var target = EarthRadius + height;
        var slant = Math.Sqrt((sensor * sensor) + (target * target) - (2 * sensor * target * Math.Cos(centralAngle)));
        var azimuth = (Math.Atan2(east, north) * 180 / Math.PI) + (Gaussian() * TrueSigmaAzimuthDegrees);
        slant += Gaussian() * TrueSigmaRangeMetres;
        _scan.Add(new RadarMeasurement
        {
            SensorId = 1,
            TimeUnixMicroseconds = TrackerScene.At(seconds),
            RangeMillimetres = (long)Math.Round(slant * 1000),
            AzimuthMicrodegrees = (int)Math.Round((azimuth + 360) % 360 * 1e6),
            ReportType = TargetReportType.Psr,
            HasHeight = true,
            HeightFeet = (int)Math.Round((height + (Gaussian() * TrueSigmaHeightMetres)) / 0.3048),

            // Stated noise deliberately off the drawn one (+25 % range, -20 % azimuth).
            SigmaRangeMillimetres = 50_000,
            SigmaAzimuthMicrodegrees = 120_000,
        });
    }

    private void Score(double now)
    {
        foreach (var track in Scene.Tracker.Tracks)
        {
            if (!track.InUse || track.Status == TrackStatus.Tentative || !_seenConfirmed.Add(track.TrackId))
            {
                continue;
            }

            var east = track.Filter.Horizontal.Mean[0] / (double)Q31x32.One;
            var north = track.Filter.Horizontal.Mean[1] / (double)Q31x32.One;
            var dt = now - ((track.Filter.TimeMicroseconds - TrackerScene.StartMicroseconds) / 1e6);
            east += track.Filter.Horizontal.Mean[2] / (double)Q31x32.One * dt;
            north += track.Filter.Horizontal.Mean[3] / (double)Q31x32.One * dt;
            var nearest = _targets.Where(t => now >= t.Appear && now <= t.Vanish + ScanSeconds)
                .Select(t => (Target: t, Distance: Distance(t.At(now), east, north)))
                .OrderBy(x => x.Distance).FirstOrDefault();
            if (nearest.Target == null || nearest.Distance > TruthRadiusMetres)
            {
                FalseConfirmedTracks++;
            }
            else if (!nearest.Target.Confirmed)
            {
                nearest.Target.Confirmed = true;
                TargetsConfirmed++;
                ScansToConfirm.Add((int)Math.Round((now - nearest.Target.FirstOpportunity) / ScanSeconds));
            }
        }
    }

    private static double Distance((double East, double North) a, double east, double north) =>
        Math.Sqrt(((a.East - east) * (a.East - east)) + ((a.North - north) * (a.North - north)));

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private int Poisson(double mean)
    {
        // Knuth's product of uniforms; fine for means up to a few tens.
        var limit = Math.Exp(-mean);
        var product = _random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    private sealed class Target(double appear, double vanish, double east, double north, double velocityEast, double velocityNorth, double height)
    {
        public double Appear { get; } = appear;

        public double Vanish { get; } = vanish;

        public double Height { get; } = height;

        public double FirstOpportunity { get; set; } = -1;

        public bool Confirmed { get; set; }

        public (double East, double North) At(double seconds) =>
            (east + (velocityEast * (seconds - Appear)), north + (velocityNorth * (seconds - Appear)));
    }
}
