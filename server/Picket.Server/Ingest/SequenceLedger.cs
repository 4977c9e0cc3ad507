using Picket.Contract.V1;

namespace Picket.Server.Ingest;

/// <summary>
/// Per-gateway record of which batch sequence numbers are stored, answering what to ack: the
/// highest sequence up to which every batch is held (contiguous), whether a batch is a resend,
/// and the hole when batches arrive beyond a gap.
/// </summary>
/// <remarks>
/// In memory; the store that owns it records a sequence only once the batch is durable, and
/// rebuilds it from durable storage at start (<see cref="Restore"/>).
/// </remarks>
public sealed class SequenceLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GatewaySequences> _gateways = new(StringComparer.Ordinal);

    /// <summary>Records that batch <paramref name="sequence"/> of <paramref name="gatewayId"/> is stored and returns the ack.</summary>
    /// <param name="gatewayId">The gateway.</param>
    /// <param name="sequence">The batch's sequence number, 1 or more.</param>
    /// <param name="isNew">False when the batch had been stored before.</param>
    public Ack Record(string gatewayId, ulong sequence, out bool isNew)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        ArgumentOutOfRangeException.ThrowIfZero(sequence);
        lock (_gate)
        {
            if (!_gateways.TryGetValue(gatewayId, out var state))
            {
                state = new GatewaySequences();
                _gateways.Add(gatewayId, state);
            }

            isNew = sequence > state.Contiguous && state.Ahead.Add(sequence);
            while (state.Ahead.Remove(state.Contiguous + 1))
            {
                state.Contiguous++;
            }

            var ack = new Ack { AckedSequence = state.Contiguous, Duplicate = !isNew };
            if (state.Ahead.Count > 0)
            {
                ack.Gap = new SequenceGap { FirstMissing = state.Contiguous + 1, LastMissing = state.Ahead.Min - 1 };
            }

            return ack;
        }
    }

    /// <summary>
    /// Sets what is known of <paramref name="gatewayId"/> from durable storage: every sequence up
    /// to <paramref name="contiguous"/> plus the listed ones are held.
    /// </summary>
    public void Restore(string gatewayId, ulong contiguous, IEnumerable<ulong> stored)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            var state = new GatewaySequences { Contiguous = contiguous };
            foreach (var sequence in stored)
            {
                if (sequence > state.Contiguous)
                {
                    state.Ahead.Add(sequence);
                }
            }

            while (state.Ahead.Remove(state.Contiguous + 1))
            {
                state.Contiguous++;
            }

            _gateways[gatewayId] = state;
        }
    }

    /// <summary>The gateways seen so far with their highest contiguous sequence.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> ContiguousByGateway()
    {
        lock (_gate)
        {
            var result = new List<KeyValuePair<string, ulong>>(_gateways.Count);
            foreach (var (gateway, state) in _gateways)
            {
                result.Add(new KeyValuePair<string, ulong>(gateway, state.Contiguous));
            }

            return result;
        }
    }

    /// <summary>The ack that describes <paramref name="gatewayId"/> now: contiguous sequence and the first hole, if any.</summary>
    public Ack Current(string gatewayId)
    {
        lock (_gate)
        {
            var ack = new Ack();
            if (_gateways.TryGetValue(gatewayId, out var state))
            {
                ack.AckedSequence = state.Contiguous;
                if (state.Ahead.Count > 0)
                {
                    ack.Gap = new SequenceGap { FirstMissing = state.Contiguous + 1, LastMissing = state.Ahead.Min - 1 };
                }
            }

            return ack;
        }
    }

    /// <summary>The contiguous sequence of <paramref name="gatewayId"/> and how many batches are held beyond its first hole.</summary>
    public SequenceState State(string gatewayId)
    {
        lock (_gate)
        {
            return _gateways.TryGetValue(gatewayId, out var state) ? new SequenceState(state.Contiguous, state.Ahead.Count) : default;
        }
    }

    /// <summary>Whether batch <paramref name="sequence"/> of <paramref name="gatewayId"/> is already stored.</summary>
    public bool Contains(string gatewayId, ulong sequence)
    {
        lock (_gate)
        {
            return _gateways.TryGetValue(gatewayId, out var state) && (sequence <= state.Contiguous || state.Ahead.Contains(sequence));
        }
    }

    /// <summary>The highest contiguous stored sequence of <paramref name="gatewayId"/> (0 when none).</summary>
    public ulong AckedSequence(string gatewayId)
    {
        lock (_gate)
        {
            return _gateways.TryGetValue(gatewayId, out var state) ? state.Contiguous : 0;
        }
    }

    private sealed class GatewaySequences
    {
        public ulong Contiguous { get; set; }

        public SortedSet<ulong> Ahead { get; } = [];
    }
}
