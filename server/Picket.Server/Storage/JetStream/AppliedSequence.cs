namespace Picket.Server.Storage.JetStream;

/// <summary>
/// The highest stream sequence this node has applied to its ledger and feed, with waiters for
/// a given sequence: an ingest call waits until its own batch is applied locally, so a
/// subscriber that connects to the same node after the ack sees the batch in its snapshot.
/// </summary>
internal sealed class AppliedSequence
{
    private readonly Lock _gate = new();
    private readonly List<(ulong Sequence, TaskCompletionSource Waiter)> _waiters = [];
    private ulong _applied;

    public void Advance(ulong sequence)
    {
        lock (_gate)
        {
            if (sequence <= _applied)
            {
                return;
            }

            _applied = sequence;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Sequence <= sequence)
                {
                    _waiters[i].Waiter.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public Task WaitAsync(ulong sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (sequence <= _applied)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, waiter));
            return waiter.Task.WaitAsync(timeout, cancellationToken);
        }
    }
}
