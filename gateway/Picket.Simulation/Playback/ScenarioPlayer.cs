using System.Diagnostics;

namespace Picket.Simulation.Playback;

/// <summary>
/// Plays a <see cref="PlaybackScript"/> to its outputs on an accelerated clock: the frame at
/// scenario time t leaves at t / <see cref="Speed"/> after the start, measured from one anchor
/// (a late frame makes no later frame late: no drift accumulates), stamped with the played
/// clock, <see cref="PlayedStart"/> + t. NMEA outputs get GGA and RMC at every whole second of
/// scenario time.
/// </summary>
public sealed class ScenarioPlayer
{
    private readonly PlaybackScript _script;
    private readonly IReadOnlyList<PlaybackSink> _sinks;
    private readonly DateTimeOffset? _clockStart;
    private long _frames;
    private long _scenarioMicroseconds;

    /// <summary>Creates the player.</summary>
    /// <param name="script">What to play.</param>
    /// <param name="sinks">Where.</param>
    /// <param name="speed">Scenario seconds per wall second (1: real time).</param>
    /// <param name="clockStart">The played clock at scenario time 0: null for the moment <see cref="Run"/> starts (as a live sensor stamps), or e.g. the script's own start (the bytes as recorded).</param>
    /// <exception cref="ArgumentException">An NMEA output without a known site, or a speed that is not positive.</exception>
    public ScenarioPlayer(PlaybackScript script, IReadOnlyList<PlaybackSink> sinks, double speed, DateTimeOffset? clockStart)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(sinks);
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentException($"speed {speed} is not a positive number", nameof(speed));
        }

        if (script.Site is null && sinks.Any(s => s.Spec.Format == PlaybackFormat.Nmea))
        {
            throw new ArgumentException($"{script.Name}: the mast's site is not known, so there is no NMEA position to send (give the site)", nameof(sinks));
        }

        _script = script;
        _sinks = sinks;
        Speed = speed;
        _clockStart = clockStart;
    }

    /// <summary>Scenario seconds per wall second.</summary>
    public double Speed { get; }

    /// <summary>The played clock at scenario time 0 (set when <see cref="Run"/> starts).</summary>
    public DateTimeOffset PlayedStart { get; private set; }

    /// <summary>Frames played so far (each to every output of its kind).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Scenario time reached, microseconds.</summary>
    public long ScenarioMicroseconds => Interlocked.Read(ref _scenarioMicroseconds);

    /// <summary>Plays until the script ends or <paramref name="cancellationToken"/> is cancelled (on the calling thread).</summary>
    /// <param name="cancellationToken">Stops playing.</param>
    /// <param name="started">Called with <see cref="PlayedStart"/> just before the first frame is due.</param>
    /// <returns>True when the script played to its end.</returns>
    public bool Run(CancellationToken cancellationToken, Action<DateTimeOffset>? started = null)
    {
        PlayedStart = _clockStart ?? DateTimeOffset.UtcNow;
        started?.Invoke(PlayedStart);
        var startMicroseconds = (PlayedStart.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var rewrite = PlayedStart != _script.Start;
        var nmea = _sinks.Where(s => s.Spec.Format == PlaybackFormat.Nmea).ToArray();
        var buffer = new byte[PlaybackEncoder.MaxEncodedLength];
        var frames = _script.Frames;
        var index = 0;
        long nextFix = nmea.Length > 0 ? 0 : long.MaxValue;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var frameTime = index < frames.Count ? frames[index].TimeMicroseconds : long.MaxValue;
            var time = Math.Min(frameTime, nextFix);
            if (time >= _script.DurationMicroseconds || time == long.MaxValue)
            {
                return true;
            }

            var due = (long)(time / Speed);
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                var remaining = due - (clock.Elapsed.Ticks / 10);
                if (remaining <= 0)
                {
                    break;
                }

                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Clamp(remaining / 1000, 1, 100)));
            }

            var played = startMicroseconds + time;
            if (time == nextFix)
            {
                var fix = NmeaSentences.Fix(_script.Site!.Value, DateTimeOffset.FromUnixTimeMilliseconds(played / 1000));
                foreach (var sink in nmea)
                {
                    sink.Send(fix, fix.Length);
                }

                nextFix += 1_000_000;
            }
            else
            {
                var frame = frames[index++];
                foreach (var sink in _sinks)
                {
                    var length = PlaybackEncoder.Encode(frame, sink.Spec, played, rewrite, buffer);
                    sink.Send(buffer, length);
                }

                Interlocked.Increment(ref _frames);
            }

            Interlocked.Exchange(ref _scenarioMicroseconds, time);
        }
    }
}
