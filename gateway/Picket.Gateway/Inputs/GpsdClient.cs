using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// The mast's position and time quality from gpsd (<c>Gnss:Input = gpsd:HOST:PORT</c>, default
/// port 2947), for a receiver that gpsd already owns (shared with chrony, for instance). gpsd's
/// JSON protocol: on connecting the client sends <c>?WATCH={"enable":true,"json":true}</c>, then
/// reads one JSON object a line; TPV reports give the fix (<c>mode</c> 2/3, <c>lat</c>,
/// <c>lon</c>, <c>altMSL</c>, <c>geoidSep</c>, <c>eph</c>, <c>time</c>, <c>status</c> 2 for DGPS)
/// and SKY reports the satellites used and <c>hdop</c>. Its own thread, synchronous reads with a
/// 1 s timeout (a quiet gpsd is not an error), and reconnects with <see cref="ReconnectBackoff"/>
/// when gpsd goes away. Lines longer than 64 KiB or not JSON are counted as bad and skipped.
/// </summary>
public sealed class GpsdClient : IGnssSource
{
    /// <summary>gpsd's port.</summary>
    public const int DefaultPort = 2947;

    private const int MaxLineBytes = 64 * 1024;
    private static readonly byte[] WatchCommand = "?WATCH={\"enable\":true,\"json\":true}\n"u8.ToArray();
    private readonly GatewayClock _clock;
    private readonly ReconnectBackoff _backoff;
    private readonly Lock _lock = new();
    private GnssStatus _status;
    private Thread? _thread;
    private volatile bool _stopping;
    private volatile bool _connected;
    private long _reconnects;
    private volatile string? _lastError;

    /// <summary>Creates the client (nothing runs until <see cref="StartReading"/>).</summary>
    /// <param name="spec">The source, <c>gpsd</c>, <c>gpsd:HOST</c> or <c>gpsd:HOST:PORT</c> (an IPv6 host in brackets).</param>
    /// <param name="clock">The gateway clock (stamps reports; told about the GNSS lock).</param>
    /// <param name="backoff">The reconnect policy (null: 0.25 s doubling to 2 s).</param>
    /// <exception cref="ArgumentException">The spec is not a gpsd source.</exception>
    public GpsdClient(string spec, GatewayClock clock, ReconnectBackoff? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!TryParse(spec, out var host, out var port, out var error))
        {
            throw new ArgumentException(error, nameof(spec));
        }

        Name = spec;
        Host = host;
        Port = port;
        _clock = clock;
        _backoff = backoff ?? ReconnectBackoff.CreateDefault();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>gpsd's host.</summary>
    public string Host { get; }

    /// <summary>gpsd's port.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public bool Connected => _connected;

    /// <inheritdoc />
    public string? LastError => _lastError;

    /// <summary>Connections lost and made again.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Whether <paramref name="text"/> names a gpsd source (<c>gpsd</c> or <c>gpsd:...</c>), valid or not.</summary>
    /// <param name="text">A <c>Gnss:Input</c> value.</param>
    /// <returns>True for a gpsd source.</returns>
    public static bool IsGpsd(string text) =>
        text is not null && (text.Equals("gpsd", StringComparison.OrdinalIgnoreCase) || text.StartsWith("gpsd:", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses <c>gpsd</c>, <c>gpsd:HOST</c> or <c>gpsd:HOST:PORT</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="host">The host (127.0.0.1 when not given).</param>
    /// <param name="port">The port (2947 when not given).</param>
    /// <param name="error">Why it is not valid, or null.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string text, out string host, out int port, out string? error)
    {
        host = "127.0.0.1";
        port = DefaultPort;
        error = null;
        if (text is null || !IsGpsd(text))
        {
            error = $"'{text}' is not a gpsd source (gpsd, gpsd:HOST or gpsd:HOST:PORT)";
            return false;
        }

        if (text.Length == 4)
        {
            return true;
        }

        var rest = text[5..];

        string portText = "";
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < rest.Length && rest[close + 1] != ':'))
            {
                error = $"'{text}': an IPv6 host goes in brackets, e.g. gpsd:[::1]:2947";
                return false;
            }

            host = rest[1..close];
            portText = close + 1 < rest.Length ? rest[(close + 2)..] : "";
        }
        else
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? rest : rest[..colon];
            portText = colon < 0 ? "" : rest[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            error = $"'{text}': the host is empty (gpsd:HOST:PORT, e.g. gpsd:127.0.0.1:2947)";
            return false;
        }

        if (portText.Length > 0 && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535))
        {
            error = $"'{text}': port '{portText}' is not a whole number from 1 to 65535";
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    public GnssStatus Snapshot()
    {
        GnssStatus status;
        lock (_lock)
        {
            status = _status;
        }

        if (status.Fix != GnssFixQuality.None && _clock.UtcNowUnixMicroseconds - status.LastFixUnixMicroseconds > (long)GnssReceiver.FixTimeout.TotalMicroseconds)
        {
            status = status with { Fix = GnssFixQuality.None, Dimensions = 0 };
        }

        _clock.SetGnssLock(status.Fix != GnssFixQuality.None && status.ReceiverUnixMicroseconds != 0);
        return status;
    }

    /// <inheritdoc />
    public void StartReading()
    {
        if (_thread is not null)
        {
            return;
        }

        _stopping = false;
        _thread = new Thread(Run) { IsBackground = true, Name = "picket gpsd " + Name };
        _thread.Start();
    }

    /// <inheritdoc />
    public void StopReading()
    {
        _stopping = true;
        _thread?.Join();
        _thread = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        StopReading();
        _clock.SetGnssLock(false);
    }

    /// <summary>Applies one line of gpsd's JSON (a TPV or SKY report; other classes are ignored).</summary>
    /// <param name="line">The line's UTF-8 bytes, without the newline.</param>
    /// <param name="arrivalUnixMicroseconds">Gateway clock time of arrival.</param>
    /// <returns>True when the line was a report that was applied.</returns>
    internal bool Apply(ReadOnlySpan<byte> line, long arrivalUnixMicroseconds)
    {
        GnssStatus status;
        lock (_lock)
        {
            status = _status;
        }

        bool applied;
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            applied = kind switch
            {
                "TPV" => ApplyTpv(root, arrivalUnixMicroseconds, ref status),
                "SKY" => ApplySky(root, ref status),
                _ => false,
            };
            status = status with { Sentences = status.Sentences + 1 };
        }
        catch (JsonException)
        {
            status = status with { BadSentences = status.BadSentences + 1 };
            applied = false;
        }

        lock (_lock)
        {
            _status = status;
        }

        _clock.SetGnssLock(status.Fix != GnssFixQuality.None && status.ReceiverUnixMicroseconds != 0);
        return applied;
    }

    private static bool ApplyTpv(JsonElement tpv, long arrivalUnixMicroseconds, ref GnssStatus status)
    {
        var mode = (int)Number(tpv, "mode", 0);
        if (mode < 2 || !tpv.TryGetProperty("lat", out _) || !tpv.TryGetProperty("lon", out _))
        {
            status = status with { Fix = GnssFixQuality.None, Dimensions = 0 };
            return true;
        }

        var altitude = Number(tpv, "altMSL", Number(tpv, "alt", 0));
        status = status with
        {
            Fix = (int)Number(tpv, "status", 1) == 2 ? GnssFixQuality.Differential : GnssFixQuality.Gnss,
            Dimensions = mode >= 3 ? 3 : 2,
            LatitudeE7 = (int)Math.Round(Number(tpv, "lat", 0) * 1e7),
            LongitudeE7 = (int)Math.Round(Number(tpv, "lon", 0) * 1e7),
            AltitudeMillimetres = mode >= 3 ? (int)Math.Round(altitude * 1000) : 0,
            GeoidSeparationMillimetres = (int)Math.Round(Number(tpv, "geoidSep", 0) * 1000),
            HorizontalErrorMillimetres = (int)Math.Clamp(Math.Round(Number(tpv, "eph", 0) * 1000), 0, int.MaxValue),
            LastFixUnixMicroseconds = arrivalUnixMicroseconds,
        };
        if (tpv.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            var microseconds = (utc - DateTimeOffset.UnixEpoch).Ticks / 10;
            status = status with { ReceiverUnixMicroseconds = microseconds, ReceiverMinusClockMicroseconds = microseconds - arrivalUnixMicroseconds };
        }

        return true;
    }

    private static bool ApplySky(JsonElement sky, ref GnssStatus status)
    {
        var used = (int)Number(sky, "uSat", -1);
        if (used < 0 && sky.TryGetProperty("satellites", out var satellites) && satellites.ValueKind == JsonValueKind.Array)
        {
            used = 0;
            foreach (var satellite in satellites.EnumerateArray())
            {
                if (satellite.ValueKind == JsonValueKind.Object && satellite.TryGetProperty("used", out var flag) && flag.ValueKind == JsonValueKind.True)
                {
                    used++;
                }
            }
        }

        status = status with
        {
            Satellites = used >= 0 ? used : status.Satellites,
            HdopHundredths = sky.TryGetProperty("hdop", out _) ? (int)Math.Round(Number(sky, "hdop", 0) * 100) : status.HdopHundredths,
        };
        return true;
    }

    private static double Number(JsonElement element, string name, double fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : fallback;

    private void Run()
    {
        var buffer = new byte[8192];
        var line = new byte[MaxLineBytes];
        var connectedOnce = false;
        while (!_stopping)
        {
            var length = 0;
            var overlong = false;
            try
            {
                using var client = new TcpClient();
                if (!client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(2)))
                {
                    throw new IOException($"gpsd at {Host}:{Port} did not answer within 2 s");
                }

                client.ReceiveTimeout = 1000;
                var stream = client.GetStream();
                stream.Write(WatchCommand);
                _connected = true;
                if (connectedOnce)
                {
                    Interlocked.Increment(ref _reconnects);
                }

                connectedOnce = true;
                _backoff.Succeed();
                while (!_stopping)
                {
                    int read;
                    try
                    {
                        read = stream.Read(buffer, 0, buffer.Length);
                    }
                    catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
                    {
                        continue; // gpsd is quiet: no data, not an error.
                    }

                    if (read == 0)
                    {
                        throw new IOException("gpsd closed the connection");
                    }

                    var arrival = _clock.UtcNowUnixMicroseconds;
                    for (var i = 0; i < read; i++)
                    {
                        var b = buffer[i];
                        if (b == (byte)'\n')
                        {
                            if (overlong)
                            {
                                CountBadLine();
                            }
                            else if (length > 0)
                            {
                                Apply(line.AsSpan(0, length).TrimEnd((byte)'\r'), arrival);
                            }

                            length = 0;
                            overlong = false;
                        }
                        else if (length < line.Length)
                        {
                            line[length++] = b;
                        }
                        else
                        {
                            overlong = true;
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or AggregateException or ObjectDisposedException or InvalidOperationException)
            {
                // gpsd stopped or is not there yet: try again after the backoff.
                _lastError = $"gpsd {Host}:{Port}: {(e is AggregateException { InnerException: { } inner } ? inner.Message : e.Message)}";
            }
            finally
            {
                _connected = false;
            }

            var wait = _backoff.Fail();
            var until = DateTime.UtcNow + wait;
            while (!_stopping && DateTime.UtcNow < until)
            {
                Thread.Sleep(50);
            }
        }
    }

    private void CountBadLine()
    {
        lock (_lock)
        {
            _status = _status with { BadSentences = _status.BadSentences + 1 };
        }
    }
}
