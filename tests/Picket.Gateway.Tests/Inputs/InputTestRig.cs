using System.Diagnostics;
using Picket.Gateway.Time;
using Picket.Gateway.Tracking;
using Picket.Publishing;
using Picket.Tracking;

namespace Picket.Gateway.Inputs;

/// <summary>A live input set on the real clock, feeding a real pipeline that discards its output.</summary>
internal static class InputTestRig
{
    public static LiveInputSet Create(params string[] specs) =>
        new(specs.Select(InputSpec.Parse).ToArray(), NewPipeline(), new GatewayClock());

    public static TrackingPipeline NewPipeline() =>
        new(new GeoSite(59.7, 30.6, 30), null, [], new TrackerConfiguration(), new DiscardingOutput());

    /// <summary>Waits (generously: a loaded 2-core machine) until <paramref name="condition"/> holds.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    private sealed class DiscardingOutput : ITrackerOutput
    {
        public void OnTrackReport(ref TrackReport report)
        {
        }

        public void OnZoneAlert(ref ZoneAlert alert)
        {
        }
    }
}
