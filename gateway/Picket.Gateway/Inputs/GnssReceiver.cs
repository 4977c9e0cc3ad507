using System.Buffers;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// The mast's GNSS receiver (NMEA 0183 GGA/RMC on a serial line or TCP) read on its own thread
/// by an <see cref="InputReader"/> and parsed there by <see cref="GnssSentenceParser"/>; it tells
/// the <see cref="GatewayClock"/> whether a fix vouches for the time (lost after
/// <see cref="FixTimeout"/> without one). Iot.Device.Nmea0183's <c>NmeaParser</c> is not used: on a
/// finite read timeout it kills the process when the receiver goes quiet, at the end of a stream
/// it reports "port closed" millions of times a second, and after an unplug it blocks forever
/// (issue 10); the input reader already reads, times out and reconnects correctly. A receiver
/// shared through gpsd is read by <see cref="GpsdClient"/> instead.
/// </summary>
public sealed class GnssReceiver : IGnssSource
{
    /// <summary>Without a fix for this long, the GNSS no longer vouches for the clock.</summary>
    public static readonly TimeSpan FixTimeout = TimeSpan.FromSeconds(10);

    private readonly GnssSentenceParser _parser = new();
    private readonly GatewayClock _clock;
    private readonly Lock _lock = new();

    /// <summary>Creates the receiver (nothing runs until <see cref="Start"/>).</summary>
    /// <param name="spec">An <c>nmea:serial:...</c> or <c>nmea:tcp:...</c> input.</param>
    /// <param name="clock">The gateway clock (stamps sentences; told about the GNSS lock).</param>
    /// <param name="backoff">The reconnect policy (null: 0.25 s doubling to 2 s).</param>
    public GnssReceiver(InputSpec spec, GatewayClock clock, ReconnectBackoff? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(clock);
        if (spec.Format != InputFormat.Nmea)
        {
            throw new ArgumentException($"GNSS input '{spec.Text}' must be an nmea input (e.g. nmea:serial:/dev/ttyAMA0:9600)", nameof(spec));
        }

        _clock = clock;
        Reader = InputReader.Create(spec, clock, OnChunk, backoff ?? ReconnectBackoff.CreateDefault());
    }

    /// <summary>The reader (its connection counters).</summary>
    public InputReader Reader { get; }

    /// <inheritdoc />
    public string Name => Reader.Spec.Text;

    /// <inheritdoc />
    public bool Connected => Reader.Connected;

    /// <inheritdoc />
    public string? LastError => Reader.LastError;

    /// <inheritdoc />
    public GnssStatus Snapshot()
    {
        GnssStatus status;
        lock (_lock)
        {
            status = _parser.Status;
        }

        if (status.Fix != GnssFixQuality.None && IsStale(status))
        {
            status = status with { Fix = GnssFixQuality.None, Dimensions = 0 };
        }

        _clock.SetGnssLock(status.Fix != GnssFixQuality.None && status.ReceiverUnixMicroseconds != 0);
        return status;
    }

    /// <summary>A position from the configuration for a mast without a receiver.</summary>
    /// <param name="latitudeE7">Latitude, degrees × 10⁷.</param>
    /// <param name="longitudeE7">Longitude, degrees × 10⁷.</param>
    /// <param name="altitudeMillimetres">Altitude, mm.</param>
    /// <returns>The status (fix <see cref="GnssFixQuality.Configured"/>).</returns>
    public static GnssStatus Configured(int latitudeE7, int longitudeE7, int altitudeMillimetres) =>
        new(GnssFixQuality.Configured, 0, 0, latitudeE7, longitudeE7, altitudeMillimetres, 0, 0, 0, 0, 0);

    /// <summary>Starts reading.</summary>
    public void Start() => Reader.Start();

    /// <summary>Stops reading.</summary>
    public void Stop() => Reader.Stop();

    /// <inheritdoc />
    public void StartReading() => Start();

    /// <inheritdoc />
    public void StopReading() => Stop();

    /// <inheritdoc />
    public void Dispose()
    {
        Reader.Dispose();
        _clock.SetGnssLock(false);
    }

    private bool IsStale(GnssStatus status) =>
        _clock.UtcNowUnixMicroseconds - status.LastFixUnixMicroseconds > (long)FixTimeout.TotalMicroseconds;

    private void OnChunk(InputReader input, byte[] buffer, int count, long arrivalUnixMicroseconds)
    {
        try
        {
            GnssStatus status;
            lock (_lock)
            {
                _parser.Push(buffer, 0, count, arrivalUnixMicroseconds);
                status = _parser.Status;
            }

            _clock.SetGnssLock(status.Fix != GnssFixQuality.None && status.ReceiverUnixMicroseconds != 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
