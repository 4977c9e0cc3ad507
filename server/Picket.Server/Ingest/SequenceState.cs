namespace Picket.Server.Ingest;

/// <summary>Where one gateway's sequence stands on the server.</summary>
/// <param name="Contiguous">The highest sequence up to which every batch is held (the acked sequence), 0 when none.</param>
/// <param name="HeldAhead">Batches held beyond the first hole, waiting for it to be filled.</param>
public readonly record struct SequenceState(ulong Contiguous, int HeldAhead);
