using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Picket.Gateway.Inputs;
using Picket.Gateway.Time;

namespace Picket.Gateway.Selftest;

/// <summary>Opens one input with the reader <c>picket run</c> uses and waits for the first whole frame its decoder finds.</summary>
public static class InputProbe
{
    /// <summary>Checks that <paramref name="spec"/> opens and delivers a frame within <paramref name="timeout"/>.</summary>
    /// <param name="spec">The input.</param>
    /// <param name="clock">The gateway clock.</param>
    /// <param name="timeout">How long to wait for the first frame.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Pass with the frame count and time to the first frame, or fail with the reason.</returns>
    public static async Task<SelftestResult> CheckAsync(InputSpec spec, GatewayClock clock, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var check = "input " + spec.Text;
        var decoder = LiveInput.CreateDecoder(spec);
        var gate = new Lock();
        var firstFrame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var elapsed = Stopwatch.StartNew();
        var firstFrameAt = TimeSpan.Zero;
        long frames = 0;
        void OnChunk(InputReader reader, byte[] buffer, int count, long arrival)
        {
            try
            {
                lock (gate)
                {
                    decoder.Begin(buffer, 0, count, arrival);
                    while (decoder.MoveNext())
                    {
                        if (frames++ == 0)
                        {
                            firstFrameAt = elapsed.Elapsed;
                            firstFrame.TrySetResult();
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        using var reader = InputReader.Create(spec, clock, OnChunk, ReconnectBackoff.CreateDefault());
        reader.Start();
        await Task.WhenAny(firstFrame.Task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        reader.Stop();
        lock (gate)
        {
            if (frames > 0)
            {
                return SelftestResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"first frame after {firstFrameAt.TotalSeconds:0.00} s"));
            }

            var seconds = timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            if (reader.Bytes > 0)
            {
                return SelftestResult.Fail(check, string.Create(CultureInfo.InvariantCulture, $"{reader.Bytes} bytes but no whole {spec.Format} frame in {seconds} s ({decoder.DecodeErrors} decode errors): wrong format or baud rate?"));
            }

            return SelftestResult.Fail(check, reader.LastError is { } error
                ? $"no data in {seconds} s: {error}"
                : $"opened, but no data in {seconds} s (is the sensor sending?)");
        }
    }
}
