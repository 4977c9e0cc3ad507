using System.Buffers;
using System.Threading.Channels;
using Picket.Gateway.Time;
using Picket.Gateway.Tracking;

namespace Picket.Gateway.Inputs;

/// <summary>
/// Runs the live inputs and feeds what they read to ONE pipeline thread in arrival order:
/// readers (one thread each) put (input, bytes, arrival time) into a bounded channel; the
/// pipeline thread pushes each chunk through its input's decoder into the
/// <see cref="TrackingPipeline"/>, which therefore only ever runs on that thread. When the
/// pipeline falls behind, the oldest chunk is dropped and its bytes counted against its input
/// (memory stays bounded; the framers resynchronise). <see cref="ChunkProcessed"/> runs on the
/// pipeline thread after every chunk: the hook for a watchdog that must see the pipeline move.
/// </summary>
public sealed class LiveInputSet : IDisposable
{
    /// <summary>Default queue length, chunks (of up to 16 KiB, a UDP datagram up to 64 KiB).</summary>
    public const int DefaultQueueCapacity = 1024;

    private readonly Channel<InputChunk> _queue;
    private readonly TrackingPipeline _pipeline;
    private readonly Dictionary<InputReader, LiveInput> _byReader = [];
    private Thread? _thread;
    private long _processedChunks;
    private long _droppedChunks;
    private long _pipelineErrors;
    private string? _lastPipelineError;

    /// <summary>Creates the set (nothing runs until <see cref="Start"/>).</summary>
    /// <param name="specs">The inputs.</param>
    /// <param name="pipeline">The pipeline fed by the pipeline thread.</param>
    /// <param name="clock">Times every chunk at arrival.</param>
    /// <param name="queueCapacity">Chunks queued for the pipeline thread before the oldest is dropped.</param>
    /// <param name="backoff">Creates each input's reconnect policy (null: 0.25 s doubling to 2 s).</param>
    public LiveInputSet(IReadOnlyList<InputSpec> specs, TrackingPipeline pipeline, GatewayClock clock, int queueCapacity = DefaultQueueCapacity, Func<ReconnectBackoff>? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        _pipeline = pipeline;
        _queue = Channel.CreateBounded<InputChunk>(
            new BoundedChannelOptions(queueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            Dropped);
        var inputs = new List<LiveInput>();
        foreach (var spec in specs)
        {
            var input = new LiveInput(spec, clock, Enqueue, (backoff ?? ReconnectBackoff.CreateDefault)());
            inputs.Add(input);
            _byReader[input.Reader] = input;
        }

        Inputs = inputs;
    }

    /// <summary>
    /// Runs on the pipeline thread after each burst of chunks and at least every
    /// <see cref="TickInterval"/> when none arrive: the hook for work that must go on while the
    /// sky is quiet or an input is unplugged (closing batches, coasting tracks, health, the watchdog).
    /// </summary>
    public Action? Tick { get; set; }

    /// <summary>Longest the pipeline thread waits for a chunk before it runs <see cref="Tick"/>.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The inputs, in configuration order.</summary>
    public IReadOnlyList<LiveInput> Inputs { get; }

    /// <summary>Called on the pipeline thread after each chunk (with the running count of chunks processed).</summary>
    public Action<long>? ChunkProcessed { get; set; }

    /// <summary>Chunks pushed through the pipeline so far.</summary>
    public long ProcessedChunks => Interlocked.Read(ref _processedChunks);

    /// <summary>Chunks dropped because the queue was full.</summary>
    public long DroppedChunks => Interlocked.Read(ref _droppedChunks);

    /// <summary>Chunks whose decoding or tracking threw (counted, the thread goes on).</summary>
    public long PipelineErrors => Interlocked.Read(ref _pipelineErrors);

    /// <summary>The last such error, or null.</summary>
    public string? LastPipelineError => Volatile.Read(ref _lastPipelineError);

    /// <summary>Every input's counters now.</summary>
    /// <returns>One snapshot per input, in configuration order.</returns>
    public IReadOnlyList<InputHealth> Snapshot() => Inputs.Select(i => i.Snapshot()).ToArray();

    /// <summary>Starts the pipeline thread and every reader.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the input set is already started");
        }

        _thread = new Thread(RunPipeline) { IsBackground = true, Name = "picket pipeline" };
        _thread.Start();
        foreach (var input in Inputs)
        {
            input.Reader.Start();
        }
    }

    /// <summary>Stops the readers, lets the pipeline thread finish what is queued and waits for it.</summary>
    public void Stop()
    {
        foreach (var input in Inputs)
        {
            input.Reader.Stop();
        }

        _queue.Writer.TryComplete();
        _thread?.Join();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        foreach (var input in Inputs)
        {
            input.Reader.Dispose();
        }
    }

    private void Enqueue(InputReader reader, byte[] buffer, int count, long arrivalUnixMicroseconds)
    {
        if (!_queue.Writer.TryWrite(new InputChunk(_byReader[reader], buffer, count, arrivalUnixMicroseconds)))
        {
            // Completed (stopping): the chunk is not processed.
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Dropped(InputChunk chunk)
    {
        Interlocked.Increment(ref _droppedChunks);
        chunk.Input.CountDropped(chunk.Count);
        ArrayPool<byte>.Shared.Return(chunk.Buffer);
    }

    private void RunPipeline()
    {
        var reader = _queue.Reader;
        // A dedicated thread may block: the pipeline must not share the thread pool with the readers' callers.
        // One wait is kept pending across timeouts (the channel has a single reader).
        var wait = reader.WaitToReadAsync().AsTask();
        while (true)
        {
            if (wait.Wait(TickInterval))
            {
                if (!wait.Result)
                {
                    break;
                }

                while (reader.TryRead(out var chunk))
                {
                    Process(chunk);
                }

                wait = reader.WaitToReadAsync().AsTask();
            }

            RunTick();
        }

        RunTick();
    }

    private void RunTick()
    {
        try
        {
            Tick?.Invoke();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _pipelineErrors);
            Volatile.Write(ref _lastPipelineError, $"tick: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private void Process(InputChunk chunk)
    {
        try
        {
            var items = chunk.Input.Decoder.Push(chunk.Buffer, 0, chunk.Count, chunk.ArrivalUnixMicroseconds, _pipeline);
            chunk.Input.Decoded(items, chunk.ArrivalUnixMicroseconds);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One bad chunk must not stop the mast: counted and reported in health.
            Interlocked.Increment(ref _pipelineErrors);
            Volatile.Write(ref _lastPipelineError, $"{chunk.Input.Spec.Text}: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        ChunkProcessed?.Invoke(Interlocked.Increment(ref _processedChunks));
    }
}
