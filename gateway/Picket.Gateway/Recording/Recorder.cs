using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using Picket.Gateway.Inputs;
using Picket.Gateway.Time;

namespace Picket.Gateway.Recording;

/// <summary>
/// Records live inputs' raw bytes with their arrival times into one recording: the same readers
/// as <c>picket run</c> (own thread each, reconnect with backoff) put chunks into a bounded queue;
/// one writer thread appends them to the file and flushes it to the operating system every
/// <see cref="FlushInterval"/>. When the disk falls behind, the oldest queued chunk is dropped
/// and counted (memory stays bounded); when a write fails (disk full), recording stops with
/// <see cref="WriteError"/> set and what was written stays readable.
/// </summary>
public sealed class Recorder : IDisposable
{
    /// <summary>Default queue length, chunks (each up to 16 KiB, a UDP datagram up to 64 KiB).</summary>
    public const int DefaultQueueCapacity = 1024;

    private readonly Channel<(int Index, byte[] Buffer, int Count, long Arrival)> _queue;
    private readonly RecordingWriter _writer;
    private readonly Dictionary<InputReader, int> _indexes = [];
    private readonly InputReader[] _readers;
    private Thread? _thread;
    private long _chunks;
    private long _bytes;
    private long _droppedChunks;
    private long _droppedBytes;
    private string? _writeError;
    private bool _disposed;

    /// <summary>Creates the recorder and writes the recording's header (nothing is read before <see cref="Start"/>).</summary>
    /// <param name="specs">The inputs.</param>
    /// <param name="output">The recording's stream (owned by the recorder).</param>
    /// <param name="clock">Times every chunk at arrival.</param>
    /// <param name="queueCapacity">Chunks queued for the writer before the oldest is dropped.</param>
    /// <param name="backoff">Creates each input's reconnect policy (null: 0.25 s doubling to 2 s).</param>
    public Recorder(IReadOnlyList<InputSpec> specs, Stream output, GatewayClock clock, int queueCapacity = DefaultQueueCapacity, Func<ReconnectBackoff>? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        _queue = Channel.CreateBounded<(int, byte[], int, long)>(
            new BoundedChannelOptions(queueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            Dropped);
        _writer = new RecordingWriter(output, specs.Select(s => s.Text).ToArray(), clock.UtcNowUnixMicroseconds);
        _readers = new InputReader[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            _readers[i] = InputReader.Create(specs[i], clock, Enqueue, (backoff ?? ReconnectBackoff.CreateDefault)());
            _indexes[_readers[i]] = i;
        }
    }

    /// <summary>How often what was written is flushed to the operating system (what a power cut can lose, plus the disk's own cache).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The readers, in input order (connection state and counters).</summary>
    public IReadOnlyList<InputReader> Readers => _readers;

    /// <summary>Chunks written.</summary>
    public long Chunks => Interlocked.Read(ref _chunks);

    /// <summary>Data bytes written.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Chunks dropped because the writer fell behind.</summary>
    public long DroppedChunks => Interlocked.Read(ref _droppedChunks);

    /// <summary>Bytes in those chunks.</summary>
    public long DroppedBytes => Interlocked.Read(ref _droppedBytes);

    /// <summary>The write error that stopped recording (disk full, I/O error), or null.</summary>
    public string? WriteError => Volatile.Read(ref _writeError);

    /// <summary>Starts the writer thread and every reader.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the recorder is already started");
        }

        _thread = new Thread(RunWriter) { IsBackground = true, Name = "picket recorder" };
        _thread.Start();
        foreach (var reader in _readers)
        {
            reader.Start();
        }
    }

    /// <summary>Stops the readers, writes what is queued, flushes and closes the file.</summary>
    public void Stop()
    {
        foreach (var reader in _readers)
        {
            reader.Stop();
        }

        _queue.Writer.TryComplete();
        _thread?.Join();
        CloseWriter();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop();
        _disposed = true;
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }
    }

    private void Enqueue(InputReader reader, byte[] buffer, int count, long arrivalUnixMicroseconds)
    {
        if (!_queue.Writer.TryWrite((_indexes[reader], buffer, count, arrivalUnixMicroseconds)))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Dropped((int Index, byte[] Buffer, int Count, long Arrival) chunk)
    {
        Interlocked.Increment(ref _droppedChunks);
        Interlocked.Add(ref _droppedBytes, chunk.Count);
        ArrayPool<byte>.Shared.Return(chunk.Buffer);
    }

    private void RunWriter()
    {
        var reader = _queue.Reader;
        var sinceFlush = Stopwatch.StartNew();
        var wait = reader.WaitToReadAsync().AsTask();
        while (true)
        {
            if (wait.Wait(TimeSpan.FromMilliseconds(250)))
            {
                if (!wait.Result)
                {
                    break;
                }

                while (reader.TryRead(out var chunk))
                {
                    WriteChunk(chunk);
                }

                wait = reader.WaitToReadAsync().AsTask();
            }

            if (sinceFlush.Elapsed >= FlushInterval)
            {
                sinceFlush.Restart();
                Guard(_writer.Flush);
            }
        }
    }

    private void WriteChunk((int Index, byte[] Buffer, int Count, long Arrival) chunk)
    {
        try
        {
            if (WriteError is null)
            {
                Guard(() => _writer.Write(chunk.Index, chunk.Arrival, chunk.Buffer, 0, chunk.Count));
                if (WriteError is null)
                {
                    Interlocked.Increment(ref _chunks);
                    Interlocked.Add(ref _bytes, chunk.Count);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
    }

    private void Guard(Action write)
    {
        if (WriteError is not null)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Disk full or gone: stop writing, keep what is on disk readable, let the verb say why.
            Volatile.Write(ref _writeError, exception.Message);
        }
    }

    private void CloseWriter()
    {
        try
        {
            _writer.Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Volatile.Write(ref _writeError, _writeError ?? exception.Message);
        }
    }
}
