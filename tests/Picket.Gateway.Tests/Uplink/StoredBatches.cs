namespace Picket.Gateway.Uplink;

/// <summary>The server database's batch rows (sequence, track count, reject reason) and track ids in insertion order.</summary>
internal sealed record StoredBatches(IReadOnlyList<(ulong Sequence, int Tracks, string? Rejected)> Batches, IReadOnlyList<ulong> TrackIds);
