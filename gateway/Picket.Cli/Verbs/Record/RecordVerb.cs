using System.Globalization;
using Picket.Gateway.Inputs;
using Picket.Gateway.Recording;
using Picket.Gateway.Time;

namespace Picket.Cli.Verbs.Record;

/// <summary>
/// <c>picket record</c>: raw bytes from live inputs (the specs <c>picket run</c> takes) with their
/// arrival times into one recording file (<c>gateway/Picket.Gateway/Recording/README.md</c>), until
/// <c>--seconds</c> have passed or Ctrl+C/SIGTERM; the file is closed cleanly either way.
/// </summary>
public sealed class RecordVerb : IVerb
{
    /// <inheritdoc />
    public string Name => "record";

    /// <inheritdoc />
    public string Summary => "record live inputs' raw bytes with arrival times into one file (for replay)";

    /// <inheritdoc />
    public string Usage => "usage: picket record --input SPEC [--input SPEC ...] --out FILE [--seconds N]   (SPEC as for picket run, e.g. beast:tcp:127.0.0.1:30005, beast:serial:/dev/ttyUSB0:3000000:rtscts; stops after N s or on Ctrl+C)";

    /// <inheritdoc />
    public IReadOnlyList<VerbOption> Options { get; } =
    [
        new("input", "SPEC", "Input to record, as for picket run (repeatable)", VerbOptionKind.Repeated),
        new("out", "FILE", "Recording file to write", VerbOptionKind.Value),
        new("seconds", "N", "Stop after N seconds (default: on Ctrl+C)", VerbOptionKind.Value),
    ];

    /// <inheritdoc />
    public bool TakesSettings => false;

    /// <inheritdoc />
    public async Task<int> RunAsync(ArgumentList options, VerbConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var inputs = options.GetAll("input");
        var outPath = options.GetRequired("out");
        var secondsText = options.Get("seconds");
        options.ThrowIfUnused();
        if (inputs.Count == 0)
        {
            throw new UsageException("--input SPEC is required (e.g. beast:tcp:127.0.0.1:30005)");
        }

        var specs = new InputSpec[inputs.Count];
        for (var i = 0; i < specs.Length; i++)
        {
            specs[i] = InputSpec.TryParse(inputs[i], out var spec, out var error) ? spec : throw new UsageException("--input: " + error);
        }

        TimeSpan? duration = null;
        if (secondsText is not null)
        {
            duration = double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 1e7
                ? TimeSpan.FromSeconds(seconds)
                : throw new UsageException($"--seconds '{secondsText}' is not a positive number");
        }

        FileStream file;
        try
        {
            file = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--out '{outPath}': {exception.Message}", exception);
        }

        using var stop = new StopSignal();
        Recorder created;
        try
        {
            created = new Recorder(specs, file, new GatewayClock());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw new InputException($"--out '{outPath}': {exception.Message}", exception);
        }

        using var recorder = created;
        recorder.Start();
        await console.Error.WriteLineAsync($"picket record: recording {specs.Length} input(s) into {outPath}" + (duration is null ? " until Ctrl+C" : string.Create(CultureInfo.InvariantCulture, $" for {duration.Value.TotalSeconds} s"))).ConfigureAwait(false);
        try
        {
            await Task.Delay(duration ?? Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: close the file cleanly.
        }

        recorder.Stop();
        for (var i = 0; i < specs.Length; i++)
        {
            var reader = recorder.Readers[i];
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{specs[i].Text}: {reader.Bytes} bytes, {reader.Reconnects} reconnects{(reader.LastError is { } error ? ", last error: " + error : "")}")).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {recorder.Chunks} chunks, {recorder.Bytes} bytes; dropped {recorder.DroppedChunks} chunks ({recorder.DroppedBytes} bytes)")).ConfigureAwait(false);
        if (recorder.WriteError is { } writeError)
        {
            await console.Error.WriteLineAsync($"picket record: writing '{outPath}' failed: {writeError}; the file is readable up to the last whole chunk").ConfigureAwait(false);
            return CommandLine.InputError;
        }

        return CommandLine.Success;
    }
}
