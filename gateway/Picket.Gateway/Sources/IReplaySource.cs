using Picket.Gateway.Tracking;

namespace Picket.Gateway.Sources;

/// <summary>One recorded input of a replay, read item by item in its own order.</summary>
public interface IReplaySource
{
    /// <summary>What the source is (for messages), e.g. <c>beast:capture.bin</c>.</summary>
    string Description { get; }

    /// <summary>Time of the current item, UTC microseconds.</summary>
    long CurrentTimeUnixMicroseconds { get; }

    /// <summary>Moves to the next item; false at the end.</summary>
    /// <exception cref="InputFormatException">The recording holds nothing of its format.</exception>
    bool MoveNext();

    /// <summary>Feeds the current item into the pipeline.</summary>
    /// <param name="pipeline">The pipeline.</param>
    void Dispatch(TrackingPipeline pipeline);

    /// <summary>One line for the run summary.</summary>
    string Summary { get; }
}
