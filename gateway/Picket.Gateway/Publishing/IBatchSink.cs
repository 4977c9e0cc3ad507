namespace Picket.Gateway.Publishing;

/// <summary>Where closed batches go: the outbox, which numbers them and stores them before they are sent.</summary>
public interface IBatchSink
{
    /// <summary>The sequence number the next batch must carry.</summary>
    ulong NextSequence { get; }

    /// <summary>Stores one closed batch: the exact bytes of an <c>UplinkMessage</c> carrying sequence <paramref name="sequence"/>.</summary>
    /// <param name="sequence">Must equal <see cref="NextSequence"/>.</param>
    /// <param name="message">The bytes; the sink keeps this array.</param>
    /// <param name="createdUnixMicroseconds">The batch's creation time.</param>
    void Append(ulong sequence, byte[] message, long createdUnixMicroseconds);
}
