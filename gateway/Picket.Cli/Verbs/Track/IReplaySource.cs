using Picket.Gateway.Tracking;

namespace Picket.Cli.Verbs.Track;

/// <summary>One recorded input of <c>picket track</c>, read item by item in its own order.</summary>
internal interface IReplaySource
{
    /// <summary>What the source is (for messages), e.g. <c>beast:capture.bin</c>.</summary>
    string Description { get; }

    /// <summary>Time of the current item, UTC microseconds.</summary>
    long CurrentTimeUnixMicroseconds { get; }

    /// <summary>Moves to the next item; false at the end.</summary>
    bool MoveNext();

    /// <summary>Feeds the current item into the pipeline.</summary>
    void Dispatch(TrackingPipeline pipeline);

    /// <summary>One line for the run summary.</summary>
    string Summary { get; }
}
