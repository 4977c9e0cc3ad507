using Picket.Gateway.Tracking;

namespace Picket.Cli.Verbs.Track;

/// <summary>
/// Feeds several recorded inputs into one pipeline in time order (a k-way merge on each input's
/// current item; an input's own order is kept, ties go to the input named first), as fast as
/// the pipeline runs.
/// </summary>
internal static class ReplayMerger
{
    public static void Run(IReadOnlyList<IReplaySource> sources, TrackingPipeline pipeline)
    {
        var live = new List<IReplaySource>();
        foreach (var source in sources)
        {
            if (source.MoveNext())
            {
                live.Add(source);
            }
        }

        while (live.Count > 0)
        {
            var next = 0;
            for (var i = 1; i < live.Count; i++)
            {
                if (live[i].CurrentTimeUnixMicroseconds < live[next].CurrentTimeUnixMicroseconds)
                {
                    next = i;
                }
            }

            var source = live[next];
            source.Dispatch(pipeline);
            if (!source.MoveNext())
            {
                live.RemoveAt(next);
            }
        }

        pipeline.Finish();
    }
}
