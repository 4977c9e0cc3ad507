using Picket.Contract.V1;
using Picket.Gateway.Zones;
using Picket.Simulation;
using Picket.Simulation.Evaluation;
using Picket.Simulation.Events;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Recording;
using Picket.Simulation.Scenarios;

namespace Picket.Cli.Verbs.Demo;

/// <summary>
/// The demo's scorecard: what came out of the server's feed (updates and alerts, timed on the
/// played clock) scored by <see cref="TrackingEvaluator"/> against the simulation's truth, run
/// again here (same scenario, same seed: the same events sim played).
/// </summary>
internal static class DemoScorecard
{
    /// <summary>The raw Beast stream's size for the played part of the scenario (what a mast would have sent upstream without Picket).</summary>
    /// <param name="definition">The scenario.</param>
    /// <param name="durationMicroseconds">Scenario time played.</param>
    /// <returns>The recorder's counts.</returns>
    public static RecordingCounts Record(ScenarioDefinition definition, long durationMicroseconds) =>
        ScenarioRecorder.Record(new ScenarioSimulation(definition), Stream.Null, Stream.Null, Stream.Null, durationMicroseconds);

    /// <summary>Scores the feed against the truth.</summary>
    /// <param name="definition">The scenario.</param>
    /// <param name="zonesPath">The zones the gateway was given (null: none).</param>
    /// <param name="durationMicroseconds">Scenario time played.</param>
    /// <param name="playedStartUnixMicroseconds">The played clock at scenario time 0.</param>
    /// <param name="updates">Every update the feed delivered.</param>
    /// <param name="alerts">Every alert the feed delivered.</param>
    /// <returns>The report.</returns>
    public static EvaluationReport Score(ScenarioDefinition definition, string? zonesPath, long durationMicroseconds, long playedStartUnixMicroseconds, IReadOnlyList<TrackUpdate> updates, IReadOnlyList<Alert> alerts)
    {
        var simulation = new ScenarioSimulation(definition);
        var drones = definition.Targets.Count > 0 && definition.Targets.All(t => t.Class == TargetClass.Drone);
        var evaluator = new TrackingEvaluator(new EvaluationOptions { CutoffMetres = drones ? 200 : 1_000 }, simulation.Targets, simulation.Site);
        if (zonesPath is not null)
        {
            var site = simulation.Site;
            var zones = GeoJsonZoneReader.ReadFile(zonesPath, new Gateway.Tracking.GeoSite(site.LatitudeDegrees, site.LongitudeDegrees, site.HeightMetres));
            evaluator.AddZones(zones.Select(z => new EvaluationZone(z.Name, z.Polygons.Select(p => (IReadOnlyList<(double, double)[]>)p.Select(r => r.Select(v => (v.LatitudeDegrees, v.LongitudeDegrees)).ToArray()).ToList()).ToList())));
        }

        foreach (var simulationEvent in simulation.Run())
        {
            if (simulationEvent.TimeMicroseconds >= durationMicroseconds)
            {
                break;
            }

            switch (simulationEvent)
            {
                case TruthEvent truth:
                    evaluator.AddTruth(truth);
                    break;
                case RadarPlotEvent plot when plot.TargetIndex >= 0:
                    evaluator.AddDetection(plot.TargetIndex, plot.TimeMicroseconds);
                    break;
                case SquitterEvent squitter:
                    evaluator.AddDetection(squitter.TargetIndex, squitter.TimeMicroseconds);
                    break;
                default:
                    break;
            }
        }

        foreach (var update in updates)
        {
            var position = update.Position ?? new GeoPoint();
            evaluator.AddEstimate(
                new TrackEstimate
                {
                    TimeMicroseconds = update.TimeUnixUs - playedStartUnixMicroseconds,
                    TrackId = (long)update.TrackId,
                    Position = new GeoPosition(position.LatitudeE7 / 1e7, position.LongitudeE7 / 1e7, position.HasHeightMm ? position.HeightMm / 1000.0 : 0),
                    VelocityEast = update.VelocityEastMmS / 1000.0,
                    VelocityNorth = update.VelocityNorthMmS / 1000.0,
                    SigmaEast = (update.PositionUncertainty?.SigmaEast ?? 0) / 1000.0,
                    SigmaNorth = (update.PositionUncertainty?.SigmaNorth ?? 0) / 1000.0,
                    Correlation = (update.PositionUncertainty?.CorrelationEastNorthPpm ?? 0) / 1e6,
                    Confirmed = update.Status is TrackStatus.Confirmed or TrackStatus.Coasting,
                    Dropped = update.Status == TrackStatus.Dropped,
                },
                update.Identity?.HasIcaoAddress == true ? (int)update.Identity.IcaoAddress : 0);
        }

        foreach (var alert in alerts)
        {
            var time = alert.TimeUnixUs - playedStartUnixMicroseconds;
            if (alert.Event == ZoneEvent.Lost)
            {
                evaluator.AddLostAlert(time, (long)alert.TrackId, alert.ZoneName);
            }
            else
            {
                evaluator.AddAlert(time, (long)alert.TrackId, alert.ZoneName, alert.Event == ZoneEvent.Enter, alert.Cooperative);
            }
        }

        return evaluator.Finish(definition.Name);
    }
}
