using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// The tracker output of a <see cref="ScenarioRunner"/>: every report and alert first goes to the
/// runner's observers (the evaluator, the counts), then to the caller's output when there is one
/// (for <c>picket track</c>, its JSON Lines writer).
/// </summary>
internal sealed class ObservingTrackerOutput : ITrackerOutput
{
    private readonly Action<TrackReport> _reportObserver;
    private readonly Action<ZoneAlert> _alertObserver;
    private readonly ITrackerOutput? _next;

    public ObservingTrackerOutput(Action<TrackReport> reportObserver, Action<ZoneAlert> alertObserver, ITrackerOutput? next)
    {
        _reportObserver = reportObserver;
        _alertObserver = alertObserver;
        _next = next;
    }

    public void OnTrackReport(ref TrackReport report)
    {
        _reportObserver(report);
        _next?.OnTrackReport(ref report);
    }

    public void OnZoneAlert(ref ZoneAlert alert)
    {
        _alertObserver(alert);
        _next?.OnZoneAlert(ref alert);
    }
}
