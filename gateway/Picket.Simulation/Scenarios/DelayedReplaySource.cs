using Picket.Gateway.Sources;
using Picket.Gateway.Tracking;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// A replay source whose items reach the pipeline a fixed time after their own: the merge
/// orders them by their time plus the delay, and each is dispatched with its own time unchanged,
/// as a live input that lags the others delivers it.
/// </summary>
/// <param name="inner">The source delayed.</param>
/// <param name="delayMicroseconds">The delay, µs.</param>
internal sealed class DelayedReplaySource(IReplaySource inner, long delayMicroseconds) : IReplaySource
{
    /// <inheritdoc/>
    public string Description => inner.Description;

    /// <inheritdoc/>
    public long CurrentTimeUnixMicroseconds => inner.CurrentTimeUnixMicroseconds + delayMicroseconds;

    /// <inheritdoc/>
    public string Summary => inner.Summary;

    /// <inheritdoc/>
    public bool MoveNext() => inner.MoveNext();

    /// <inheritdoc/>
    public void Dispatch(TrackingPipeline pipeline) => inner.Dispatch(pipeline);
}
