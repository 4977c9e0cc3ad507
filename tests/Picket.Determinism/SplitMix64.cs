namespace Picket.Determinism;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood, OOPSLA 2014): a tiny integer generator whose output is
/// defined bit for bit, unlike <see cref="Random"/>, whose algorithm may change between runtimes.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Approximately normal noise in Q31.32: the sum of four uniform 32-bit draws (Irwin-Hall,
    /// σ = 2^32 × sqrt(4/12) per unit), scaled to <paramref name="sigmaMillimetres"/>.
    /// </summary>
    public long Noise(long sigmaMillimetres)
    {
        long sum = 0;
        for (int i = 0; i < 4; i++)
        {
            sum += (long)(Next() >> 32) - (1L << 31);
        }

        // sum has σ = 2^32 / sqrt(3); × sqrt(3) ≈ 1732/1000, then millimetres → metres.
        return sum / 1000 * sigmaMillimetres * 1732 / 1_000_000;
    }
}
