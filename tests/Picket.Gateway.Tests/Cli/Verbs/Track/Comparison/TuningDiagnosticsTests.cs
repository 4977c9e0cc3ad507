using System.Globalization;
using Picket.Publishing;
using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Scenarios;
using Picket.Tracking;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Track.Comparison;

/// <summary>
/// A tool for tuning, not a check: runs one scenario on one of its TUNING seeds (never a held-out
/// one) through the recorded bytes with the comparison's ±30 % wrong radar noise and prints every
/// alert with the track's history and the nearest truth, so a false alert's cause can be found.
/// The scenario is a built-in name or a scenario file's path (ending .json).
/// <c>PICKET_TUNING_SCENARIO=jet-formation [PICKET_TUNING_SEED=31] [PICKET_TUNING_FACTOR=1.3] [PICKET_TUNING_ESTIMATE_HEIGHT=0] [PICKET_TUNING_DATASHEET=1] [PICKET_TUNING_TRACE=FROM-TO [PICKET_TUNING_TRACE_ALL=1]] [PICKET_TUNING_TRUTH=TARGET:FROM-TO] [PICKET_TUNING_PLOTS=TARGET:FROM-TO[:METRES]] [PICKET_TUNING_IDEAL=1] dotnet test tests/Picket.Gateway.Tests -c Release --filter TuningDiagnostics</c>.
/// </summary>
public sealed class TuningDiagnosticsTests(ITestOutputHelper output)
{
    [ByHandFact("PICKET_TUNING_SCENARIO", "a tuning tool: PICKET_TUNING_SCENARIO=NAME [PICKET_TUNING_SEED=N] dotnet test tests/Picket.Gateway.Tests -c Release --filter TuningDiagnostics")]
    public void Diagnose_OneScenarioOnATuningSeed_PrintsEveryAlertAndItsTrack()
    {
        var name = Environment.GetEnvironmentVariable("PICKET_TUNING_SCENARIO")!;

        var definition = TrackerComparison.LoadScenario(name);
        var seed = int.Parse(Environment.GetEnvironmentVariable("PICKET_TUNING_SEED") ?? definition.TuningSeeds[0].ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Assert.DoesNotContain(seed, definition.HeldOutSeeds);
        var factor = double.Parse(Environment.GetEnvironmentVariable("PICKET_TUNING_FACTOR") ?? "1.3", CultureInfo.InvariantCulture);
        double? seconds = Environment.GetEnvironmentVariable("PICKET_TUNING_SECONDS") is { Length: > 0 } s ? double.Parse(s, CultureInfo.InvariantCulture) : null;
        var reports = new Dictionary<long, List<TrackReport>>();
        var datasheet = Environment.GetEnvironmentVariable("PICKET_TUNING_DATASHEET") == "1";
        // PICKET_TUNING_ESTIMATE_HEIGHT=0: the held height of height-less tracks stays the one assumed at their first plot (before issue 9's height estimation).
        var configuration = new TrackerConfiguration { EstimateAssumedHeight = Environment.GetEnvironmentVariable("PICKET_TUNING_ESTIMATE_HEIGHT") != "0" };
        // PICKET_TUNING_IDEAL=1: the perfectly associated filter (one tracker per target, fed only that target's measurements, no bytes recorded).
        var ideal = Environment.GetEnvironmentVariable("PICKET_TUNING_IDEAL") == "1";
        var runner = new ScenarioRunner(definition, seconds, configuration, truthAssociated: ideal, recorded: !ideal, seed: seed)
        {
            // PICKET_TUNING_DATASHEET=1: the radar noise `picket track` assumes (its data-sheet figures) instead of the simulator's × factor.
            AssumedRadarSigmaRangeMetres = datasheet ? ScenarioRunner.NominalRadarSigmaRangeMetres : TrackerComparison.ToldRadarNoise(definition, factor).RangeMetres,
            AssumedRadarSigmaAzimuthDegrees = datasheet ? ScenarioRunner.NominalRadarSigmaAzimuthDegrees : TrackerComparison.ToldRadarNoise(definition, factor).AzimuthDegrees,
            ReportObserver = r =>
            {
                if (!reports.TryGetValue(r.TrackId, out var list))
                {
                    reports[r.TrackId] = list = [];
                }

                list.Add(r);
            },
        };
        var report = runner.Run(null);
        var start = runner.Definition.Start.ToUnixTimeMilliseconds() * 1000;
        var truths = runner.Simulation.Run().OfType<TruthEvent>().GroupBy(t => t.TargetIndex).ToDictionary(g => g.Key, g => g.OrderBy(t => t.TimeMicroseconds).ToArray());
        var site = runner.Simulation.Site;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{name} seed {seed} ×{factor}: GOSPA {report.MeanGospaMetres:F0} completeness {report.Completeness:F3} id switches {report.TrackIdChanges} false tracks {report.FalseConfirmedTracks} ({report.FalseConfirmedTracksPerHour:F1}/h) false alerts {report.FalseAlerts} lost {report.LostAlerts} worst alert {report.WorstNonCooperativeTimeToAlertSeconds:F1}"));
        foreach (var change in report.TrackIdChangeList)
        {
            output.WriteLine(string.Create(c, $"  id change {runner.Simulation.Targets[change.TargetIndex].Name} track {change.FromTrackId} -> {change.ToTrackId} at {change.Seconds:F1} s"));
        }

        foreach (var incursion in report.Incursions)
        {
            output.WriteLine(string.Create(c, $"  incursion {incursion.Target} {incursion.Zone} coop={incursion.Cooperative} entry {incursion.EntrySeconds:F1} alert {incursion.AlertSeconds:F1} (+{incursion.TimeToAlertSeconds:F1}) exit {incursion.ExitSeconds:F1}"));
        }

        // Each target that never entered a zone: its closest approach to one from outside, metres
        // (a border-skimming target's every enter alert is false), on the zones as the tracker
        // has them in its mast plane.
        var saturations = 0;
        var mastPlane = new Picket.Geodesy.MastPlane(
            Picket.Numerics.Q2x61.FromDegreesE7((long)Math.Round(site.LatitudeDegrees * 1e7), ref saturations),
            Picket.Numerics.Q2x61.FromDegreesE7((long)Math.Round(site.LongitudeDegrees * 1e7), ref saturations));
        var geometries = Picket.Gateway.Tracking.ZoneProjection.Project(runner.Zones, mastPlane);
        // A scene without zones has no approach to print.
        foreach (var (index, samples) in truths.Where(_ => geometries.Length > 0).OrderBy(kv => kv.Key))
        {
            var closest = double.MaxValue;
            foreach (var truth in samples)
            {
                var position = truth.State.Position;
                Picket.Zones.ZoneProjection.ProjectMillimetres(mastPlane, (long)Math.Round(position.LatitudeDegrees * 1e7), (long)Math.Round(position.LongitudeDegrees * 1e7), out var east, out var north, ref saturations);
                if (geometries.Any(g => g.Contains(east, north)))
                {
                    closest = double.NaN;
                    break;
                }

                closest = Math.Min(closest, geometries.Min(g => g.DistanceToBoundary(east, north)) / 1000.0);
            }

            if (!double.IsNaN(closest) && closest < 5000)
            {
                output.WriteLine(string.Create(c, $"  outside {runner.Simulation.Targets[index].Name}: closest {closest:F0} m from a zone, never inside"));
            }
        }

        // Each target's gaps in detection longer than three scans (out of coverage, below the horizon).
        var scan = definition.Radar?.ScanPeriodS ?? 4;
        foreach (var group in runner.Simulation.Run().Where(e => e is RadarPlotEvent { TargetIndex: >= 0 } or SquitterEvent).GroupBy(e => e is RadarPlotEvent p ? p.TargetIndex : ((SquitterEvent)e).TargetIndex))
        {
            var times = group.Select(e => e.TimeMicroseconds / 1e6).Order().ToArray();
            var gaps = times.Zip(times.Skip(1)).Where(g => g.Second - g.First > 3 * scan).Select(g => string.Create(c, $"{g.First:F0}-{g.Second:F0}")).ToArray();
            output.WriteLine(string.Create(c, $"  detections {runner.Simulation.Targets[group.Key].Name}: {times[0]:F0}-{times[^1]:F0} s, gaps {string.Join(' ', gaps)}"));
        }

        PrintMissesPerTarget(runner, reports, truths, report.GospaCutoffMetres);

        // Confirmed tracks never within the cut-off of any truth (the evaluator's false tracks, roughly):
        // where they lived and how near the nearest truth came.
        foreach (var (id, history) in reports)
        {
            var confirmed = history.Where(r => r.Status is TrackStatus.Confirmed or TrackStatus.Coasting).ToList();
            if (confirmed.Count == 0)
            {
                continue;
            }

            var nearest = confirmed.Min(r =>
            {
                var q = Wgs84.ToEnu(site, new GeoPosition(r.LatitudeE7 / 1e7, r.LongitudeE7 / 1e7, 0));
                return truths.Values.Min(samples =>
                {
                    var t = samples.MinBy(e => Math.Abs(e.TimeMicroseconds - (r.TimeUnixMicroseconds - start)))!;
                    var p = Wgs84.ToEnu(site, t.State.Position);
                    return Math.Abs(t.TimeMicroseconds - (r.TimeUnixMicroseconds - start)) > 2_000_000 ? double.MaxValue : Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)));
                });
            });
            if (nearest > report.GospaCutoffMetres)
            {
                var first = history[0];
                var last = confirmed[^1];
                var a = Wgs84.ToEnu(site, new GeoPosition(first.LatitudeE7 / 1e7, first.LongitudeE7 / 1e7, 0));
                var b = Wgs84.ToEnu(site, new GeoPosition(last.LatitudeE7 / 1e7, last.LongitudeE7 / 1e7, 0));
                output.WriteLine(string.Create(c, $"  unmatched track {id & 0xFFFFFF}: born {(first.TimeUnixMicroseconds - start) / 1e6:F1} s at ({a.X:F0},{a.Y:F0}), confirmed {(confirmed[0].TimeUnixMicroseconds - start) / 1e6:F1} s, last {(last.TimeUnixMicroseconds - start) / 1e6:F1} s at ({b.X:F0},{b.Y:F0}) h {last.HeightMillimetres / 1000.0:F0} v ({last.VelocityEastMillimetresPerSecond / 1000.0:F0},{last.VelocityNorthMillimetresPerSecond / 1000.0:F0}) radar {last.RadarUpdateCount}, nearest truth {nearest:F0} m"));
            }
        }

        // PICKET_TUNING_TRUTH=TARGET:FROM-TO: that target's truth samples in that window of seconds
        // (position in the mast's plane, heading, speed).
        if (Environment.GetEnvironmentVariable("PICKET_TUNING_TRUTH") is { Length: > 0 } truthSpec)
        {
            var parts = truthSpec.Split(':');
            var span = parts[1].Split('-').Select(v => double.Parse(v, c)).ToArray();
            var index = runner.Simulation.Targets.ToList().FindIndex(t => t.Name == parts[0]);
            foreach (var t in truths[index].Where(t => t.TimeMicroseconds / 1e6 >= span[0] && t.TimeMicroseconds / 1e6 <= span[1]))
            {
                var p = Wgs84.ToEnu(site, t.State.Position);
                output.WriteLine(string.Create(c, $"    truth {t.TimeMicroseconds / 1e6,7:F1} s ({p.X:F0},{p.Y:F0}) heading {t.State.HeadingDegrees:F2} speed {t.State.SpeedMetresPerSecond:F1}"));
            }
        }

        // PICKET_TUNING_PLOTS=TARGET:FROM-TO[:METRES]: every radar plot in that window of seconds
        // within METRES (default 3000) of that target's truth at the plot's time, with whose plot
        // it is (which track could have taken it).
        if (Environment.GetEnvironmentVariable("PICKET_TUNING_PLOTS") is { Length: > 0 } plotSpec)
        {
            var parts = plotSpec.Split(':');
            var span = parts[1].Split('-').Select(v => double.Parse(v, c)).ToArray();
            var radius = parts.Length > 2 ? double.Parse(parts[2], c) : 3000;
            var index = runner.Simulation.Targets.ToList().FindIndex(t => t.Name == parts[0]);
            var radarOffset = Wgs84.ToEnu(site, runner.Simulation.RadarPosition);
            foreach (var plot in runner.Simulation.Run().OfType<RadarPlotEvent>().Where(p => p.TimeMicroseconds / 1e6 >= span[0] && p.TimeMicroseconds / 1e6 <= span[1]))
            {
                var t = truths[index].MinBy(e => Math.Abs(e.TimeMicroseconds - plot.TimeMicroseconds))!;
                var p = Wgs84.ToEnu(site, t.State.Position);
                var (x, y) = PlotInPlane(plot, radarOffset.X, radarOffset.Y, t.State.Position.HeightMetres - runner.Simulation.RadarPosition.HeightMetres);
                if (Math.Sqrt(((x - p.X) * (x - p.X)) + ((y - p.Y) * (y - p.Y))) <= radius)
                {
                    var owner = plot.TargetIndex < 0 ? "clutter" : runner.Simulation.Targets[plot.TargetIndex].Name;
                    output.WriteLine(string.Create(c, $"    plot {plot.TimeMicroseconds / 1e6,7:F2} s {owner} ({x:F0},{y:F0}) truth-plot {p.X - x:F0},{p.Y - y:F0} psr={plot.Primary} ssr={plot.Secondary}"));
                }
            }
        }

        // PICKET_TUNING_TRACE=FROM-TO: every confirmed or coasting report in that window of seconds,
        // with its distance to each target's truth (the evaluator's view of who holds whom);
        // with PICKET_TUNING_TRACE_ALL=1 tentative and dropped reports too (why a target is not acquired).
        if (Environment.GetEnvironmentVariable("PICKET_TUNING_TRACE") is { Length: > 0 } window)
        {
            var everyStatus = Environment.GetEnvironmentVariable("PICKET_TUNING_TRACE_ALL") == "1";
            var bounds = window.Split('-').Select(v => double.Parse(v, c)).ToArray();
            foreach (var r in reports.Values.SelectMany(l => l).Where(r => everyStatus || r.Status is TrackStatus.Confirmed or TrackStatus.Coasting).OrderBy(r => r.TimeUnixMicroseconds))
            {
                var at = (r.TimeUnixMicroseconds - start) / 1e6;
                if (at < bounds[0] || at > bounds[1])
                {
                    continue;
                }

                var q = Wgs84.ToEnu(site, new GeoPosition(r.LatitudeE7 / 1e7, r.LongitudeE7 / 1e7, 0));
                var distances = truths.Select(kv =>
                {
                    var t = kv.Value.MinBy(e => Math.Abs(e.TimeMicroseconds - (r.TimeUnixMicroseconds - start)))!;
                    var p = Wgs84.ToEnu(site, t.State.Position);
                    return string.Create(c, $"{runner.Simulation.Targets[kv.Key].Name} {p.X - q.X:F0},{p.Y - q.Y:F0}");
                });
                output.WriteLine(string.Create(c, $"    trace {at,7:F1} s track {r.TrackId & 0xFFFFFF} {r.Status} coop={r.Cooperative} ({q.X:F0},{q.Y:F0}) sigma ({r.PositionSigmaEastMillimetres / 1000.0:F0},{r.PositionSigmaNorthMillimetres / 1000.0:F0}) h {r.HeightMillimetres / 1000.0:F0} radar {r.RadarUpdateCount} masking {r.PossibleMaskingCount} | truth-track {string.Join(" | ", distances)}"));
            }
        }

        foreach (var (alert, at) in runner.Alerts)
        {
            var history = reports.GetValueOrDefault(alert.TrackId) ?? [];
            var first = history.FirstOrDefault();
            var confirmed = history.FirstOrDefault(r => r.Status == TrackStatus.Confirmed);
            var now = history.LastOrDefault(r => r.TimeUnixMicroseconds <= alert.TimeUnixMicroseconds);
            var plane = Wgs84.ToEnu(site, new GeoPosition(now.LatitudeE7 / 1e7, now.LongitudeE7 / 1e7, now.HeightMillimetres / 1000.0));
            var nearest = truths.Select(kv =>
            {
                var t = kv.Value.MinBy(e => Math.Abs(e.TimeMicroseconds - (alert.TimeUnixMicroseconds - start)))!;
                var p = Wgs84.ToEnu(site, t.State.Position);
                return (Target: runner.Simulation.Targets[kv.Key].Name, Distance: Math.Sqrt(((p.X - plane.X) * (p.X - plane.X)) + ((p.Y - plane.Y) * (p.Y - plane.Y))));
            }).MinBy(x => x.Distance);
            var firstPlane = Wgs84.ToEnu(site, new GeoPosition(first.LatitudeE7 / 1e7, first.LongitudeE7 / 1e7, 0));
            output.WriteLine(string.Create(c, $"{at,7:F1} s {alert.Event,-5} {alert.ZoneName} track {alert.TrackId} coop={alert.Cooperative} icao={(alert.HasIcaoAddress ? alert.IcaoAddress.ToString("X6", c) : "-")} | first {(first.TimeUnixMicroseconds - start) / 1e6:F1} s at ({firstPlane.X:F0},{firstPlane.Y:F0}) confirmed {(confirmed.TimeUnixMicroseconds - start) / 1e6:F1} s | now ({plane.X:F0},{plane.Y:F0}) h {now.HeightMillimetres / 1000.0:F0} v ({now.VelocityEastMillimetresPerSecond / 1000.0:F0},{now.VelocityNorthMillimetresPerSecond / 1000.0:F0}) radar {now.RadarUpdateCount} adsb {now.AdsbUpdateCount} src {now.Sources} masking {now.PossibleMaskingCount} | nearest truth {nearest.Target} {nearest.Distance:F0} m"));

            if (nearest.Distance > 2000 && alert.Event == ZoneAlertEvent.Enter)
            {
                // A track on no target: the plots within 3 km of where it started, while it lived.
                var radarOffset = Wgs84.ToEnu(site, runner.Simulation.RadarPosition);
                var inWindow = 0;
                var closest = double.MaxValue;
                foreach (var plot in runner.Simulation.Run().OfType<RadarPlotEvent>())
                {
                    var time = plot.TimeMicroseconds + start;
                    if (time < first.TimeUnixMicroseconds - 12_000_000 || time > alert.TimeUnixMicroseconds + 30_000_000)
                    {
                        continue;
                    }

                    var (x, y) = PlotInPlane(plot, radarOffset.X, radarOffset.Y, 0);
                    inWindow++;
                    closest = Math.Min(closest, Math.Sqrt(((x - firstPlane.X) * (x - firstPlane.X)) + ((y - firstPlane.Y) * (y - firstPlane.Y))));
                    if (Math.Abs(x - firstPlane.X) < 3000 && Math.Abs(y - firstPlane.Y) < 3000)
                    {
                        output.WriteLine(string.Create(c, $"      plot {plot.TimeMicroseconds / 1e6,7:F1} s target {plot.TargetIndex} ({x:F0},{y:F0}) h {plot.HeightMetres:F0}"));
                    }
                }

                foreach (var r in history.Where(r => r.TimeUnixMicroseconds <= alert.TimeUnixMicroseconds + 30_000_000))
                {
                    var q = Wgs84.ToEnu(site, new GeoPosition(r.LatitudeE7 / 1e7, r.LongitudeE7 / 1e7, 0));
                    output.WriteLine(string.Create(c, $"      report {(r.TimeUnixMicroseconds - start) / 1e6,7:F1} s {r.Status} ({q.X:F0},{q.Y:F0}) from first {Math.Sqrt(((q.X - firstPlane.X) * (q.X - firstPlane.X)) + ((q.Y - firstPlane.Y) * (q.Y - firstPlane.Y))):F0} m sigma ({r.PositionSigmaEastMillimetres / 1000.0:F0},{r.PositionSigmaNorthMillimetres / 1000.0:F0}) radar {r.RadarUpdateCount}"));
                }

                output.WriteLine(string.Create(c, $"      {inWindow} plots in the window, closest {closest:F0} m"));
            }
        }
    }

    // A plot's position in the mast's plane (the radar at radarX, radarY), its slant range taken
    // to the ground for a target heightAboveRadarMetres above the radar (0: the slant range as it is).
    private static (double X, double Y) PlotInPlane(RadarPlotEvent plot, double radarX, double radarY, double heightAboveRadarMetres)
    {
        var azimuth = plot.AzimuthDegrees * Math.PI / 180;
        var ground = Math.Sqrt(Math.Max(0, (plot.SlantRangeMetres * plot.SlantRangeMetres) - (heightAboveRadarMetres * heightAboveRadarMetres)));
        return (radarX + (ground * Math.Sin(azimuth)), radarY + (ground * Math.Cos(azimuth)));
    }

    // Per target: the truth instants (1 s apart) with no confirmed track within the cut-off, in
    // runs, each with where the target was (ground range from the radar, height, elevation) and
    // the nearest confirmed track's error; and the track ids that held it (an id switch is a change).
    private void PrintMissesPerTarget(ScenarioRunner runner, Dictionary<long, List<TrackReport>> reports, Dictionary<int, TruthEvent[]> truths, double cutoff)
    {
        var c = CultureInfo.InvariantCulture;
        var site = runner.Simulation.Site;
        var radar = Wgs84.ToEnu(site, runner.Simulation.RadarPosition);
        var start = runner.Definition.Start.ToUnixTimeMilliseconds() * 1000;
        var histories = reports.Values.Select(l => l.OrderBy(r => r.TimeUnixMicroseconds).ToArray()).ToArray();
        foreach (var (index, samples) in truths.OrderBy(kv => kv.Key))
        {
            var target = runner.Simulation.Targets[index];
            var lastSecond = -1L;
            var misses = 0;
            var total = 0;
            var runStart = -1.0;
            var runLine = string.Empty;
            var holders = new List<(long Id, double From)>();
            foreach (var truth in samples)
            {
                var second = truth.TimeMicroseconds / 1_000_000;
                if (second == lastSecond)
                {
                    continue;
                }

                lastSecond = second;
                var time = truth.TimeMicroseconds + start;
                var p = Wgs84.ToEnu(site, truth.State.Position);
                var best = double.MaxValue;
                var bestId = 0L;
                var bestRadial = 0.0;
                foreach (var history in histories)
                {
                    var last = Array.FindLastIndex(history, x => x.TimeUnixMicroseconds <= time);
                    if (last < 0)
                    {
                        continue;
                    }

                    var r = history[last];
                    if (time - r.TimeUnixMicroseconds > 5_000_000 || r.Status is not (TrackStatus.Confirmed or TrackStatus.Coasting))
                    {
                        continue;
                    }

                    var dt = (time - r.TimeUnixMicroseconds) / 1e6;
                    var q = Wgs84.ToEnu(site, new GeoPosition(r.LatitudeE7 / 1e7, r.LongitudeE7 / 1e7, 0));
                    var dx = q.X + (r.VelocityEastMillimetresPerSecond / 1000.0 * dt) - p.X;
                    var dy = q.Y + (r.VelocityNorthMillimetresPerSecond / 1000.0 * dt) - p.Y;
                    var d = Math.Sqrt((dx * dx) + (dy * dy));
                    if (d < best)
                    {
                        best = d;
                        bestId = r.TrackId;
                        var along = Math.Sqrt(((p.X - radar.X) * (p.X - radar.X)) + ((p.Y - radar.Y) * (p.Y - radar.Y)));
                        bestRadial = ((dx * (p.X - radar.X)) + (dy * (p.Y - radar.Y))) / along;
                    }
                }

                total++;
                var ground = Math.Sqrt(((p.X - radar.X) * (p.X - radar.X)) + ((p.Y - radar.Y) * (p.Y - radar.Y)));
                var height = truth.State.Position.HeightMetres - runner.Simulation.RadarPosition.HeightMetres;
                if (best > cutoff)
                {
                    misses++;
                    if (runStart < 0)
                    {
                        runStart = second;
                        runLine = string.Create(c, $"ground {ground / 1000:F1} km h {truth.State.Position.HeightMetres:F0} m elev {Math.Atan2(height, ground) * 180 / Math.PI:F1} deg nearest {(best == double.MaxValue ? "none" : best.ToString("F0", c))} (ground-range part {bestRadial:F0})");
                    }
                }
                else
                {
                    if (runStart >= 0)
                    {
                        output.WriteLine(string.Create(c, $"    miss {target.Name} {runStart:F0}-{second:F0} s at {runLine}"));
                        runStart = -1;
                    }

                    if (holders.Count == 0 || holders[^1].Id != bestId)
                    {
                        holders.Add((bestId, second));
                    }
                }
            }

            if (runStart >= 0)
            {
                output.WriteLine(string.Create(c, $"    miss {target.Name} {runStart:F0}-end s at {runLine}"));
            }

            output.WriteLine(string.Create(c, $"  target {target.Name} coop={target.Cooperative}: missed {misses}/{total} s, held by {holders.Count} track runs ({string.Join(' ', holders.Select(h => string.Create(c, $"{h.Id & 0xFFFFFF}@{h.From}")))})"));
        }
    }
}
