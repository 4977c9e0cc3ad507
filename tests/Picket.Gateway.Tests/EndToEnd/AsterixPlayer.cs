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
/// </summary>
internal sealed class AsterixPlayer : IDisposable
{
    private const int TicksPerSecond = 128;
    private const int TicksPerDay = 86_400 * TicksPerSecond;
    private readonly List<(int Ticks, int TimeOffset, byte[] Block)> _blocks = [];
    private readonly IPEndPoint _target;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _blocksSent;

    public AsterixPlayer(string path, int port, int speedup)
    {
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
        _target = new IPEndPoint(IPAddress.Loopback, port);
        Speedup = speedup;
        _thread = new Thread(Run) { IsBackground = true, Name = "asterix player" };
        _thread.Start();
    }

    public int Speedup { get; }

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
        var clock = Stopwatch.StartNew();
        var first = _blocks[0].Ticks;
        var loopLength = _blocks[^1].Ticks - first + (4 * TicksPerSecond);
        long loop = 0;
        var index = 0;
        while (!_stopping)
        {
            if (index == _blocks.Count)
            {
                index = 0;
                loop++;
            }

            var (ticks, offset, block) = _blocks[index];
            var dueMilliseconds = ((loop * loopLength) + ticks - first) * 1000 / TicksPerSecond / Speedup;
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
                socket.SendTo(block, _target);
                Interlocked.Increment(ref _blocksSent);
            }
            catch (SocketException)
            {
                // Nobody listening (the gateway is down): a radar sends regardless.
            }
        }
    }
}
