using Picket.Gateway.Tracking;

namespace Picket.Gateway.Sources;

/// <summary>
/// Feeds several recorded inputs into one pipeline in time order (a k-way merge on each input's
/// current item; an input's own order is kept, ties go to the input named first), as fast as
/// the pipeline runs.
/// </summary>
public static class ReplayMerger
{
    /// <summary>Replays <paramref name="sources"/> into <paramref name="pipeline"/> and finishes it.</summary>
    /// <param name="sources">The inputs, in command-line order.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <exception cref="InputFormatException">An input holds nothing of its format.</exception>
    public static void Run(IReadOnlyList<IReplaySource> sources, TrackingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(pipeline);
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
