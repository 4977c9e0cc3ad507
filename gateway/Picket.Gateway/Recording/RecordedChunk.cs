namespace Picket.Gateway.Recording;

/// <summary>One chunk of a recording: the bytes one read of one input returned, with their arrival time.</summary>
/// <param name="InputIndex">Index into the recording's input specs.</param>
/// <param name="ArrivalUnixMicroseconds">UTC arrival time from the gateway clock, µs since the Unix epoch.</param>
/// <param name="Data">The bytes (owned by the caller once returned).</param>
public readonly record struct RecordedChunk(int InputIndex, long ArrivalUnixMicroseconds, byte[] Data);
