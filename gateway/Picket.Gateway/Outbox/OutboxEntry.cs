namespace Picket.Gateway.Outbox;

/// <summary>One committed batch in the outbox.</summary>
/// <param name="Sequence">The batch's sequence number (also inside <paramref name="Message"/>).</param>
/// <param name="Message">A serialized <c>picket.v1.UplinkMessage</c>, sent as is.</param>
/// <param name="CreatedUnixMicroseconds">When the batch was closed, UTC microseconds since the Unix epoch.</param>
/// <param name="Dropped">
/// True when the batch's content was dropped (size cap, age limit, memory overflow) and
/// <paramref name="Message"/> is an empty batch holding only the sequence.
/// </param>
public sealed record OutboxEntry(ulong Sequence, byte[] Message, long CreatedUnixMicroseconds, bool Dropped);
