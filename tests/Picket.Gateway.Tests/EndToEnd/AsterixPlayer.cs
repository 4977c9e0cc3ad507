using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Picket.Gateway.EndToEnd;

/// <summary>
/// Plays an ASTERIX recording (one CAT034 or CAT048 record per data block, as <c>picket
/// simulate</c> writes it) to a UDP port, one datagram per block, paced by the records' time of
/// day and compressed by <see cref="Speedup"/>, over and over, on its own thread. Each record's
/// time of day (I048/140, I034/030: 1/128 s) is rewritten to the moment it is sent, as a live
/// radar stamps its plots, so the radar and the Beast stream share one time line across loops.
/// With a <see cref="PlaybackTimeline"/> it plays once, each record at its time of day's offset
/// from the scenario's start, on the timeline's clock.
/// </summary>
internal sealed class AsterixPlayer : IDisposable
{
    private const int TicksPerSecond = 128;
    private const int TicksPerDay = 86_400 * TicksPerSecond;
    private readonly List<(int Ticks, int TimeOffset, byte[] Block)> _blocks = [];
    private readonly IPEndPoint? _target;
    private readonly string? _devicePath;
    private readonly PlaybackTimeline? _timeline;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile bool _finished;
    private long _blocksSent;

    /// <summary>Plays to a UDP port on the loopback, one datagram per block.</summary>
    public AsterixPlayer(string path, int port, int speedup, PlaybackTimeline? timeline = null)
        : this(path, new IPEndPoint(IPAddress.Loopback, port), devicePath: null, speedup, timeline)
    {
    }

    /// <summary>Plays into the radar's side of a pseudo-terminal, the blocks back to back (a serial radar).</summary>
    public AsterixPlayer(string path, string devicePath, PlaybackTimeline timeline)
        : this(path, target: null, devicePath, speedup: 1, timeline)
    {
    }

    private AsterixPlayer(string path, IPEndPoint? target, string? devicePath, int speedup, PlaybackTimeline? timeline)
    {
        _timeline = timeline;
        _target = target;
        _devicePath = devicePath;
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i + 3 <= bytes.Length;)
        {
            var length = (bytes[i + 1] << 8) | bytes[i + 2];
            Assert.True(length >= 3 && i + length <= bytes.Length, $"{path}: a data block of length {length} at byte {i}");
            var block = bytes[i..(i + length)];
            if (TimeOfDayOffset(block) is int offset)
            {
                _blocks.Add(((block[offset] << 16) | (block[offset + 1] << 8) | block[offset + 2], offset, block));
            }

            i += length;
        }

        Assert.True(_blocks.Count > 0, $"{path}: no CAT034/CAT048 record with a time of day");
        Speedup = speedup;
        _thread = new Thread(Run) { IsBackground = true, Name = "asterix player" };
        _thread.Start();
    }

    public int Speedup { get; }

    /// <summary>True once a single pass (with a <see cref="PlaybackTimeline"/>) has sent its last block.</summary>
    public bool Finished => _finished;

    /// <summary>Data blocks sent so far.</summary>
    public long BlocksSent => Interlocked.Read(ref _blocksSent);

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    /// <summary>Where the 3-byte time of day starts in a one-record block, or null (another category, or no time).</summary>
    private static int? TimeOfDayOffset(byte[] block)
    {
        // FSPEC: octets until one whose FX (bit 1) is clear.
        var fspecEnd = 3;
        while (fspecEnd < block.Length && (block[fspecEnd] & 1) != 0)
        {
            fspecEnd++;
        }

        var fspec = block[3];
        var offset = fspecEnd + 1;
        switch (block[0])
        {
            // CAT048: FRN 1 I048/010 (2 octets), FRN 2 I048/140 time of day.
            case 48 when (fspec & 0x40) != 0:
                return offset + ((fspec & 0x80) != 0 ? 2 : 0);

            // CAT034: FRN 1 I034/010 (2), FRN 2 I034/000 message type (1), FRN 3 I034/030 time of day.
            case 34 when (fspec & 0x20) != 0:
                return offset + ((fspec & 0x80) != 0 ? 2 : 0) + ((fspec & 0x40) != 0 ? 1 : 0);

            default:
                return null;
        }
    }

    private void Run()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        FileStream? device = null;
        var clock = _timeline?.Clock ?? Stopwatch.StartNew();
        var first = _timeline is null ? _blocks[0].Ticks : (int)(_timeline.ScenarioStart.UtcDateTime.TimeOfDay.Ticks * TicksPerSecond / TimeSpan.TicksPerSecond);
        var loopLength = _blocks[^1].Ticks - first + (4 * TicksPerSecond);
        long loop = 0;
        var index = 0;
        while (!_stopping)
        {
            if (index == _blocks.Count)
            {
                if (_timeline is not null)
                {
                    _finished = true;
                    break;
                }

                index = 0;
                loop++;
            }

            var (ticks, offset, block) = _blocks[index];
            // A single pass may cross midnight: the offset from the start is taken modulo a day.
            var fromFirst = _timeline is null ? ticks - first : (((ticks - first) % TicksPerDay) + TicksPerDay) % TicksPerDay;
            var dueMilliseconds = ((loop * loopLength) + fromFirst) * 1000 / TicksPerSecond / Speedup;
            var wait = dueMilliseconds - clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                Thread.Sleep((int)Math.Min(wait, 100));
                continue;
            }

            index++;
            var now = (int)((long)(DateTime.UtcNow.TimeOfDay.TotalMilliseconds * TicksPerSecond / 1000) % TicksPerDay);
            block[offset] = (byte)(now >> 16);
            block[offset + 1] = (byte)(now >> 8);
            block[offset + 2] = (byte)now;
            try
            {
                if (_target is not null)
                {
                    socket.SendTo(block, _target);
                }
                else
                {
                    device ??= new FileStream(_devicePath!, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    device.Write(block);
                }

                Interlocked.Increment(ref _blocksSent);
            }
            catch (SocketException)
            {
                // Nobody listening (the gateway is down): a radar sends regardless.
            }
            catch (IOException)
            {
                // The line is not there (yet): the block is lost, the next one reopens it.
                device?.Dispose();
                device = null;
            }
        }

        device?.Dispose();
    }
}
