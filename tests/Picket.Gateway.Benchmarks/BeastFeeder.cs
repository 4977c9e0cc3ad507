using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Picket.Gateway.Benchmarks;

/// <summary>
/// Listens on a loopback port the way readsb serves Beast on port 30005 and, once the gateway has
/// connected, writes a recording's frames at the pace of their timestamps, every frame due at a
/// tick (about 2 ms) in one write. Logs the wall-clock time just before each write and the stream
/// offset the write ends at.
/// </summary>
internal sealed class BeastFeeder : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly BeastRecording _recording;
    private readonly List<long> _writeUnixMicroseconds = [];
    private readonly List<long> _writeEnds = [];
    private Thread? _thread;
    private volatile bool _stop;

    public BeastFeeder(BeastRecording recording)
    {
        _recording = recording;
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>When the gateway connected and the first frame was written (UTC), or null before.</summary>
    public DateTime? FirstWriteUtc { get; private set; }

    /// <summary>Set once the feed has ended (duration reached, recording exhausted or connection lost).</summary>
    public ManualResetEventSlim Finished { get; } = new();

    /// <summary>Why the feed ended.</summary>
    public string Outcome { get; private set; } = "running";

    /// <summary>Starts accepting and feeding <paramref name="seconds"/> of the recording on its own thread.</summary>
    public void Start(double seconds)
    {
        _thread = new Thread(() => Feed(seconds)) { IsBackground = true, Name = "beast-feeder" };
        _thread.Start();
    }

    /// <summary>The write log: wall-clock µs before each write, and the stream offset after it.</summary>
    public (long[] WriteUnixMicroseconds, long[] WriteEnds) Log()
    {
        lock (_writeEnds)
        {
            return ([.. _writeUnixMicroseconds], [.. _writeEnds]);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _listener.Stop();
        _thread?.Join(TimeSpan.FromSeconds(10));
        Finished.Dispose();
    }

    private void Feed(double seconds)
    {
        try
        {
            using var socket = _listener.AcceptSocket();
            socket.NoDelay = true;
            var clock = Stopwatch.StartNew();
            var frame = 0;
            var written = 0;
            var frames = _recording.FrameSeconds;
            while (!_stop && frame < frames.Length)
            {
                var now = clock.Elapsed.TotalSeconds;
                if (now >= seconds)
                {
                    Outcome = $"fed {seconds:F0} s";
                    return;
                }

                var due = frame;
                while (due < frames.Length && frames[due] <= now)
                {
                    due++;
                }

                if (due > frame)
                {
                    var end = _recording.FrameEnds[due - 1];
                    var writeUs = UnixMicroseconds(DateTime.UtcNow);
                    socket.Send(_recording.Bytes, written, end - written, SocketFlags.None);
                    FirstWriteUtc ??= DateTime.UnixEpoch.AddTicks(writeUs * 10);
                    lock (_writeEnds)
                    {
                        _writeUnixMicroseconds.Add(writeUs);
                        _writeEnds.Add(end);
                    }

                    written = end;
                    frame = due;
                }

                Thread.Sleep(2);
            }

            Outcome = _stop ? "stopped" : "recording exhausted";
        }
        catch (SocketException e)
        {
            Outcome = "connection lost: " + e.Message;
        }
        catch (ObjectDisposedException)
        {
            Outcome = "stopped before the gateway connected";
        }
        finally
        {
            Finished.Set();
        }
    }

    public static long UnixMicroseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
