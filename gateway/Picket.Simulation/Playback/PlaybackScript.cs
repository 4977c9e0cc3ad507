using Picket.ModeS;
using Picket.ModeS.Framing;
using Picket.Simulation.Geodesy;
using Picket.Simulation.Recording;
using Picket.Simulation.Scenarios;

namespace Picket.Simulation.Playback;

/// <summary>
/// What <c>picket sim</c> plays: a scenario's Beast and ASTERIX streams (as <see
/// cref="ScenarioRecorder"/> writes them, or as <c>picket simulate --out</c> left them in a
/// folder) cut into frames in scenario-time order, with the mast's site for the GNSS output.
/// </summary>
public sealed class PlaybackScript
{
    private const long MicrosecondsPerDay = 86_400_000_000;

    private PlaybackScript(string name, ScenarioDefinition? definition, GeoPosition? site, DateTimeOffset start, long durationMicroseconds, List<PlaybackFrame> frames)
    {
        Name = name;
        Definition = definition;
        Site = site;
        Start = start;
        DurationMicroseconds = durationMicroseconds;
        Frames = frames;
    }

    /// <summary>The scenario's name.</summary>
    public string Name { get; }

    /// <summary>The scenario, when known (a built-in one, or the one a folder's files are named after).</summary>
    public ScenarioDefinition? Definition { get; }

    /// <summary>The mast's position (for NMEA), when known.</summary>
    public GeoPosition? Site { get; }

    /// <summary>The scenario's own UTC start (the ASTERIX times of day and Beast ticks count from it).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Scenario time covered, microseconds.</summary>
    public long DurationMicroseconds { get; }

    /// <summary>Every frame of both streams, in scenario-time order (stream order within one instant).</summary>
    public IReadOnlyList<PlaybackFrame> Frames { get; }

    /// <summary>Records <paramref name="definition"/> (at most <paramref name="durationMicroseconds"/> of it) with the real encoders and cuts the streams into frames.</summary>
    /// <param name="definition">The scenario.</param>
    /// <param name="durationMicroseconds">Scenario time to play.</param>
    /// <returns>The script.</returns>
    public static PlaybackScript FromScenario(ScenarioDefinition definition, long durationMicroseconds = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var simulation = new ScenarioSimulation(definition);
        using var beast = new MemoryStream();
        using var asterix = new MemoryStream();
        ScenarioRecorder.Record(simulation, beast, asterix, Stream.Null, durationMicroseconds);
        var duration = Math.Min(durationMicroseconds, simulation.DurationMicroseconds);
        return FromStreams(definition.Name, definition, simulation.Site, definition.Start, beast.ToArray(), asterix.ToArray(), duration);
    }

    /// <summary>
    /// Reads a folder written by <c>picket simulate --out DIR</c>: <c>NAME.beast</c> and/or
    /// <c>NAME.asterix</c>. When NAME is a built-in scenario its site and start are used;
    /// otherwise <paramref name="site"/> (for NMEA) and the first ASTERIX time of day today.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="site">The mast's position when the folder is not a built-in scenario's.</param>
    /// <returns>The script.</returns>
    /// <exception cref="InvalidDataException">The folder holds no recording, or more than one, or a file is not what its name says.</exception>
    public static PlaybackScript FromFolder(string directory, GeoPosition? site = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new InvalidDataException($"'{directory}' is not a folder");
        }

        var stems = Directory.EnumerateFiles(directory, "*.beast").Concat(Directory.EnumerateFiles(directory, "*.asterix"))
            .Select(Path.GetFileNameWithoutExtension).Distinct(StringComparer.Ordinal).ToList();
        if (stems.Count != 1)
        {
            throw new InvalidDataException(stems.Count == 0
                ? $"'{directory}' holds no NAME.beast or NAME.asterix (write one with picket simulate --scenario NAME --out {directory})"
                : $"'{directory}' holds more than one recording ({string.Join(", ", stems)}); give a folder with one");
        }

        var name = stems[0]!;
        ScenarioDefinition? definition = null;
        if (ScenarioLoader.BuiltInNames.Contains(name))
        {
            definition = ScenarioLoader.LoadBuiltIn(name);
            site ??= new GeoPosition(definition.Site.LatitudeDeg, definition.Site.LongitudeDeg, definition.Site.AltitudeM);
        }

        var beastPath = Path.Combine(directory, name + ".beast");
        var asterixPath = Path.Combine(directory, name + ".asterix");
        var beast = File.Exists(beastPath) ? File.ReadAllBytes(beastPath) : [];
        var asterix = File.Exists(asterixPath) ? File.ReadAllBytes(asterixPath) : [];
        var start = definition?.Start ?? FirstTimeOfDayToday(asterix);
        return FromStreams(name, definition, site, start, beast, asterix, long.MaxValue);
    }

    /// <summary>Cuts a Beast stream into its frames with the core's <see cref="BeastFramer"/> (the one the gateway reads with).</summary>
    /// <param name="beast">The stream.</param>
    /// <returns>The frames ('1' to '3'; status messages, cut frames and garbage between frames are skipped), each re-written by <see cref="BeastWriter"/> as it goes on the wire.</returns>
    public static List<PlaybackFrame> ReadBeast(byte[] beast)
    {
        ArgumentNullException.ThrowIfNull(beast);
        var frames = new List<PlaybackFrame>();
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var wire = new byte[BeastWriter.MaxEncodedLength];
        var offset = 0;
        while (offset < beast.Length)
        {
            offset += framer.Push(beast, offset, beast.Length - offset, out var frameReady);
            if (!frameReady)
            {
                continue;
            }

            var length = BeastWriter.Write(frame.Data, 0, frame.LengthBytes, frame.TimestampTicks, frame.SignalLevel, wire, 0);
            frames.Add(new PlaybackFrame
            {
                Kind = PlaybackFrameKind.ModeS,
                TimeMicroseconds = frame.TimestampTicks / 12,
                Recorded = wire[..length],
                Message = frame.Data[..frame.LengthBytes],
                Ticks = frame.TimestampTicks,
                SignalLevel = frame.SignalLevel,
            });
        }

        return frames;
    }

    /// <summary>Cuts concatenated ASTERIX data blocks into blocks, timed by their first record's time of day from <paramref name="start"/>'s (unwrapped through midnight).</summary>
    /// <param name="asterix">The blocks.</param>
    /// <param name="start">The scenario's UTC start.</param>
    /// <returns>The blocks.</returns>
    /// <exception cref="InvalidDataException">A block's length runs past the end or is below 3.</exception>
    public static List<PlaybackFrame> ReadAsterix(byte[] asterix, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(asterix);
        var frames = new List<PlaybackFrame>();
        var previousTimeOfDay = start.UtcDateTime.TimeOfDay.Ticks / 10;
        long time = 0;
        for (var i = 0; i + 3 <= asterix.Length;)
        {
            var length = (asterix[i + 1] << 8) | asterix[i + 2];
            if (length < 3 || i + length > asterix.Length)
            {
                throw new InvalidDataException($"ASTERIX data block at byte {i} has length {length}, past the end or below 3");
            }

            var block = asterix[i..(i + length)];
            var offset = TimeOfDayOffset(block);
            if (offset >= 0 && offset + 3 <= block.Length)
            {
                var timeOfDay = (((long)block[offset] << 16) | ((long)block[offset + 1] << 8) | block[offset + 2]) * 1_000_000 / 128;
                var step = timeOfDay - previousTimeOfDay;
                step = ((step % MicrosecondsPerDay) + MicrosecondsPerDay + (MicrosecondsPerDay / 2)) % MicrosecondsPerDay - (MicrosecondsPerDay / 2);
                time += step;
                previousTimeOfDay = timeOfDay;
            }
            else
            {
                offset = -1;
            }

            frames.Add(new PlaybackFrame { Kind = PlaybackFrameKind.Asterix, TimeMicroseconds = Math.Max(time, 0), Recorded = block, TimeOfDayOffset = offset });
            i += length;
        }

        return frames;
    }

    /// <summary>Where the 3-byte time of day starts in a one-record CAT048 or CAT034 block, or -1.</summary>
    /// <param name="block">The data block.</param>
    /// <returns>The offset, or -1 (another category, or no time of day).</returns>
    public static int TimeOfDayOffset(byte[] block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Length < 4)
        {
            return -1;
        }

        // FSPEC: octets until one whose FX (bit 1) is clear.
        var fspecEnd = 3;
        while (fspecEnd < block.Length && (block[fspecEnd] & 1) != 0)
        {
            fspecEnd++;
        }

        var fspec = block[3];
        var offset = fspecEnd + 1;
        return block[0] switch
        {
            // CAT048: FRN 1 I048/010 (2 octets), FRN 2 I048/140 time of day.
            48 when (fspec & 0x40) != 0 => offset + ((fspec & 0x80) != 0 ? 2 : 0),

            // CAT034: FRN 1 I034/010 (2), FRN 2 I034/000 message type (1), FRN 3 I034/030 time of day.
            34 when (fspec & 0x20) != 0 => offset + ((fspec & 0x80) != 0 ? 2 : 0) + ((fspec & 0x40) != 0 ? 1 : 0),
            _ => -1,
        };
    }

    private static PlaybackScript FromStreams(string name, ScenarioDefinition? definition, GeoPosition? site, DateTimeOffset start, byte[] beast, byte[] asterix, long durationMicroseconds)
    {
        var frames = ReadBeast(beast);
        frames.AddRange(ReadAsterix(asterix, start));
        if (frames.Count == 0)
        {
            throw new InvalidDataException($"{name}: no Beast frame and no ASTERIX block to play");
        }

        // A stable sort: frames of one instant keep their stream order.
        var ordered = frames.Select((f, i) => (f, i)).OrderBy(p => p.f.TimeMicroseconds).ThenBy(p => p.i).Select(p => p.f).ToList();
        var duration = durationMicroseconds == long.MaxValue ? ordered[^1].TimeMicroseconds + 1_000_000 : durationMicroseconds;
        return new PlaybackScript(name, definition, site, start, duration, ordered);
    }

    private static DateTimeOffset FirstTimeOfDayToday(byte[] asterix)
    {
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        for (var i = 0; i + 3 <= asterix.Length;)
        {
            var length = (asterix[i + 1] << 8) | asterix[i + 2];
            if (length < 3 || i + length > asterix.Length)
            {
                break;
            }

            var block = asterix[i..(i + length)];
            var offset = TimeOfDayOffset(block);
            if (offset >= 0 && offset + 3 <= block.Length)
            {
                var timeOfDay = (((long)block[offset] << 16) | ((long)block[offset + 1] << 8) | block[offset + 2]) * 1_000_000 / 128;
                return today.AddTicks(timeOfDay * 10);
            }

            i += length;
        }

        return today;
    }
}
