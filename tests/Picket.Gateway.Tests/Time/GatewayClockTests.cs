using Microsoft.Extensions.Time.Testing;

namespace Picket.Gateway.Time;

public sealed class GatewayClockTests
{
    private static readonly DateTimeOffset Boot = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UtcNow_SystemClockStepsBack_StaysMonotonicUntilReanchored()
    {
        var time = new SteppableTimeProvider(Boot);
        var clock = new GatewayClock(time, new FixedProbe(false));
        var bootMicroseconds = Boot.ToUnixTimeMilliseconds() * 1000;
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(bootMicroseconds + 2_000_000, clock.UtcNowUnixMicroseconds);

        // The system clock is stepped one hour back (the monotonic timestamp goes on): the
        // gateway's time goes on.
        time.StepWallClock(TimeSpan.FromHours(-1));
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(bootMicroseconds + 2_500_000, clock.UtcNowUnixMicroseconds);

        // Deliberately re-anchored: the step is reported and the new time taken.
        var step = clock.Reanchor();
        Assert.Equal(-3_600_000_000L, step);
        Assert.Equal(1, clock.Reanchors);
        Assert.Equal(bootMicroseconds - 3_600_000_000L + 2_500_000, clock.UtcNowUnixMicroseconds);
    }

    [Fact]
    public void UtcNow_MicrosecondsBetweenMilliseconds_CountsElapsedTicks()
    {
        var time = new FakeTimeProvider(Boot);
        var clock = new GatewayClock(time, new FixedProbe(false));
        time.Advance(TimeSpan.FromTicks(12_345)); // 1,234.5 µs: whole microseconds, truncated
        Assert.Equal((Boot.ToUnixTimeMilliseconds() * 1000) + 1234, clock.UtcNowUnixMicroseconds);
    }

    [Theory]
    [InlineData(false, false, ClockState.Unsynchronized, false)]
    [InlineData(true, false, ClockState.NtpSynchronized, true)]
    [InlineData(false, true, ClockState.Gnss, true)]
    [InlineData(true, true, ClockState.Gnss, true)]
    public void State_NtpAndGnss_GnssWinsAndEitherIsTrustworthy(bool ntp, bool gnss, ClockState expected, bool trustworthy)
    {
        var clock = new GatewayClock(new FakeTimeProvider(Boot), new FixedProbe(ntp));
        clock.SetGnssLock(gnss);
        Assert.Equal(expected, clock.State);
        Assert.Equal(trustworthy, clock.IsTrustworthy);
    }

    [Fact]
    public void KernelProbe_ThisMachine_AgreesWithPythonAdjtimex()
    {
        // The same kernel flag read by another program (Python's ctypes, adjtimex with modes 0):
        // TIME_ERROR (5) means unsynchronised.
        var state = PythonAdjtimexState();
        Assert.NotNull(state);
        Assert.Equal(state != 5, new KernelNtpStatusProbe().IsSynchronized());
    }

    private static int? PythonAdjtimexState()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
                "python3", ["-c", "import ctypes; b = ctypes.create_string_buffer(512); print(ctypes.CDLL(None).adjtimex(b))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && int.TryParse(output, System.Globalization.CultureInfo.InvariantCulture, out var state) ? state : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // A wall clock that can be stepped either way beside a monotonic timestamp that only advances
    // (FakeTimeProvider refuses to go back in time).
    private sealed class SteppableTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _wall = start;
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => _wall;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan elapsed)
        {
            _wall += elapsed;
            _ticks += elapsed.Ticks;
        }

        public void StepWallClock(TimeSpan step) => _wall += step;
    }

    private sealed class FixedProbe(bool synchronized) : INtpStatusProbe
    {
        public bool IsSynchronized() => synchronized;
    }
}
