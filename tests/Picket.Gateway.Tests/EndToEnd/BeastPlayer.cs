using System.Diagnostics;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// Plays a Beast recording into the receiver's side of a pseudo-terminal in real time compressed
/// by <see cref="Speedup"/>, over and over, on its own thread, as a receiver on a USB serial line
/// would. A write that fails (the device was unplugged) drops the frame and reopens the path
/// until it is back, so the stream resumes by itself when the link is plugged in again. With a
/// <see cref="PlaybackTimeline"/> it plays once, each frame at its own time after the scenario's
/// start (the recording's ticks count from it), on the timeline's clock.
/// </summary>
internal sealed class BeastPlayer : IDisposable
{
    private readonly BeastRecording _recording;
    private readonly string _path;
    private readonly PlaybackTimeline? _timeline;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _finished;
    private volatile bool _paused;
    private volatile bool _writing;
    private long _framesWritten;

    public BeastPlayer(BeastRecording recording, string path, int speedup, PlaybackTimeline? timeline = null)
    {
        _recording = recording;
        _path = path;
        Speedup = speedup;
        _timeline = timeline;
        _thread = new Thread(Run) { IsBackground = true, Name = "beast player" };
        _thread.Start();
    }

    public int Speedup { get; }

    /// <summary>True once a single pass (with a <see cref="PlaybackTimeline"/>) has sent its last frame.</summary>
    public bool Finished => _finished;

    /// <summary>Frames written to the link so far.</summary>
    public long FramesWritten => Interlocked.Read(ref _framesWritten);

    /// <summary>Stops writing (the frames the recording would have sent meanwhile are skipped).</summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <summary>
    /// Pauses and waits until no write is in progress, as a receiver whose cable is pulled stops
    /// sending. Call it while the gateway still reads, before socat is killed: a write left
    /// blocked on the pseudo-terminal can keep a killed socat from exiting (see
    /// <c>SocatLink.Unplug</c>).
    /// </summary>
    /// <param name="timeout">How long to wait for a write in progress.</param>
    /// <returns>False when a write was still in progress at the timeout.</returns>
    public bool Pause(TimeSpan timeout)
    {
        _paused = true;

        // Both sides fence between their write and their read (store-load order), so that either
        // this sees the write in progress or the player sees the pause.
        Interlocked.MemoryBarrier();
        var waited = Stopwatch.StartNew();
        while (_writing)
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    public void Dispose()
    {
        _stopping = true;
        // A write blocked on a full pseudo-terminal ends when the link goes (the caller unplugs it first).
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private void Run()
    {
        FileStream? link = null;
        var clock = _timeline?.Clock ?? Stopwatch.StartNew();
        var frames = _recording.Frames;
        var first = _timeline is null ? frames[0].Ticks : 0;
        var loopLength = frames[^1].Ticks - first + BeastRecording.TicksPerSecond;
        long loop = 0;
        var index = 0;
        try
        {
            while (!_stopping)
            {
                if (index == frames.Count)
                {
                    if (_timeline is not null)
                    {
                        _finished = true;
                        break;
                    }

                    index = 0;
                    loop++;
                }

                var (ticks, bytes) = frames[index];
                var dueMilliseconds = (loop * loopLength + ticks - first) * 1000 / BeastRecording.TicksPerSecond / Speedup;
                var wait = dueMilliseconds - clock.ElapsedMilliseconds;
                if (wait > 0)
                {
                    Thread.Sleep((int)Math.Min(wait, 100));
                    continue;
                }

                index++;
                if (_paused || wait < -1000)
                {
                    // Paused, or more than a second late (a write blocked while nobody read the line): skip, as the air does not wait.
                    continue;
                }

                try
                {
                    link ??= new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    _writing = true;
                    Interlocked.MemoryBarrier();
                    if (_paused)
                    {
                        // Paused between the check above and now: Pause may already have seen no write.
                        continue;
                    }

                    link.Write(bytes);
                    Interlocked.Increment(ref _framesWritten);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Unplugged (EIO) or not there yet: drop this frame, reopen on the next one.
                    link?.Dispose();
                    link = null;
                    Thread.Sleep(20);
                }
                finally
                {
                    _writing = false;
                }
            }
        }
        finally
        {
            try
            {
                link?.Dispose();
            }
            catch (IOException)
            {
                // The link is gone.
            }
        }
    }
}
