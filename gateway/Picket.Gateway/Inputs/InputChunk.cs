namespace Picket.Gateway.Inputs;

/// <summary>Bytes an input read, queued for the pipeline thread; the buffer is rented from the shared array pool and returned after processing or dropping.</summary>
/// <param name="Input">The input that read them.</param>
/// <param name="Buffer">The bytes, at offset 0.</param>
/// <param name="Count">Number of bytes.</param>
/// <param name="ArrivalUnixMicroseconds">UTC arrival time from the gateway clock.</param>
internal readonly record struct InputChunk(LiveInput Input, byte[] Buffer, int Count, long ArrivalUnixMicroseconds);
