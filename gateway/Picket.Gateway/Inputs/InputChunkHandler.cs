namespace Picket.Gateway.Inputs;

/// <summary>Receives a chunk a reader read; the handler owns <paramref name="buffer"/> (rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>) from then on.</summary>
/// <param name="input">The reader.</param>
/// <param name="buffer">The bytes, at offset 0.</param>
/// <param name="count">Number of bytes.</param>
/// <param name="arrivalUnixMicroseconds">UTC arrival time from the gateway clock, taken when the read returned.</param>
public delegate void InputChunkHandler(InputReader input, byte[] buffer, int count, long arrivalUnixMicroseconds);
