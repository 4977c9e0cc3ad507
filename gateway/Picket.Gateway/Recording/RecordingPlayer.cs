using System.Diagnostics;
using Picket.Gateway.Inputs;
using Picket.Gateway.Sources;
using Picket.Gateway.Tracking;

namespace Picket.Gateway.Recording;

/// <summary>
/// Plays a recording back through the pipeline <c>picket run</c> uses: each chunk goes, in file
/// order and with its recorded arrival time, through its input's <see cref="StreamDecoder"/>
/// (created as <see cref="LiveInput.CreateDecoder"/> creates it) into a
/// <see cref="TrackingPipeline"/>. The output depends only on the recording, never on the pace:
/// the same file gives the same tracks bit for bit at any <see cref="Speed"/>.
/// </summary>
public sealed class RecordingPlayer
{
    private readonly RecordingReader _reader;
    private readonly StreamDecoder[] _decoders;
    private readonly InputSpec[] _specs;

    /// <summary>Creates the player and one decoder per recorded input.</summary>
    /// <param name="reader">The recording, header read.</param>
    /// <exception cref="RecordingFormatException">A recorded input spec is not valid.</exception>
    public RecordingPlayer(RecordingReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _specs = new InputSpec[reader.InputSpecs.Count];
        _decoders = new StreamDecoder[_specs.Length];
        for (var i = 0; i < _specs.Length; i++)
        {
            if (!InputSpec.TryParse(reader.InputSpecs[i], out var spec, out var error))
            {
                throw new RecordingFormatException($"recorded input {i}: {error}");
            }

            _specs[i] = spec;
            _decoders[i] = LiveInput.CreateDecoder(spec);
        }
    }

    /// <summary>Playback speed: 1 is real time, 10 ten times faster; 0 (the default) as fast as possible.</summary>
    public double Speed { get; init; }

    /// <summary>Called after each chunk with its recorded arrival time (the gateway's tick: closing batches on recorded time).</summary>
    public Action<long>? ChunkPlayed { get; set; }

    /// <summary>The recorded inputs.</summary>
    public IReadOnlyList<InputSpec> Inputs => _specs;

    /// <summary>Each input's decoder (items, errors, summary).</summary>
    public IReadOnlyList<StreamDecoder> Decoders => _decoders;

    /// <summary>Chunks played.</summary>
    public long Chunks { get; private set; }

    /// <summary>Chunks whose decoding or tracking threw (counted, playback goes on, as live).</summary>
    public long PipelineErrors { get; private set; }

    /// <summary>The last such error, or null.</summary>
    public string? LastPipelineError { get; private set; }

    /// <summary>Plays every chunk into <paramref name="pipeline"/>, then finishes it.</summary>
    /// <param name="pipeline">The tracking pipeline.</param>
    /// <param name="cancellationToken">Stops playback early (the pipeline is still finished).</param>
    public void Play(TrackingPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var clock = Stopwatch.StartNew();
        var first = long.MinValue;
        while (!cancellationToken.IsCancellationRequested && _reader.TryRead(out var chunk))
        {
            if (first == long.MinValue)
            {
                first = chunk.ArrivalUnixMicroseconds;
            }

            if (Speed > 0)
            {
                var due = TimeSpan.FromMicroseconds((chunk.ArrivalUnixMicroseconds - first) / Speed);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    cancellationToken.WaitHandle.WaitOne(wait);
                }
            }

            try
            {
                _decoders[chunk.InputIndex].Push(chunk.Data, 0, chunk.Data.Length, chunk.ArrivalUnixMicroseconds, pipeline);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                PipelineErrors++;
                LastPipelineError = $"{_specs[chunk.InputIndex].Text}: {exception.GetType().Name}: {exception.Message}";
            }

            Chunks++;
            ChunkPlayed?.Invoke(chunk.ArrivalUnixMicroseconds);
        }

        pipeline.Finish();
    }
}
