using System.IO.Ports;
using Picket.Gateway.Time;

namespace Picket.Gateway.Inputs;

/// <summary>
/// A serial device through <see cref="SerialPort"/>, read with synchronous <see cref="SerialPort.Read(byte[], int, int)"/>
/// calls on the reader's own thread. Around the traps of System.IO.Ports 10.0.15 (issue 10): no
/// <c>BaseStream.ReadAsync</c> (it ignores the timeout, and an abandoned one steals bytes from
/// later reads); no read that can time out either: on Unix a read whose timeout expires just as
/// its bytes arrive has already taken them from the device and throws
/// <see cref="TimeoutException"/> with them (a sentence lost in about a thousand at 4 lines a
/// second on a loaded 2-core machine), so the reader waits for <see cref="SerialPort.BytesToRead"/>
/// and reads only those, and a quiet line is "no data", not an error; on unplug a read throws
/// (<see cref="IOException"/>, or <see cref="ObjectDisposedException"/> while
/// <see cref="SerialPort.IsOpen"/> still says true), so <c>IsOpen</c> is never trusted and any of
/// them closes the port and reopens it with backoff; a path that does not exist is reported as
/// such before <see cref="SerialPort.Open"/>, which would throw a misleading
/// <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed class SerialInputReader : InputReader
{
    // How often a quiet line is asked whether bytes have arrived (the latency a chunk may gain).
    private static readonly TimeSpan AvailabilityPoll = TimeSpan.FromMilliseconds(10);

    // A read is only made for bytes already in the port's buffer; its timeout is a bound for a
    // device that fails under it, never the quiet line's poll.
    private static readonly TimeSpan ReadBound = TimeSpan.FromSeconds(2);

    private SerialPort? _port;

    /// <summary>Creates the reader.</summary>
    /// <param name="spec">A serial input.</param>
    /// <param name="clock">Times each chunk at arrival.</param>
    /// <param name="handler">Receives the chunks.</param>
    /// <param name="backoff">The reconnect policy.</param>
    public SerialInputReader(InputSpec spec, GatewayClock clock, InputChunkHandler handler, ReconnectBackoff backoff)
        : base(spec, clock, handler, backoff, 16 * 1024)
    {
        if (spec.Transport != InputTransport.Serial)
        {
            throw new ArgumentException($"input '{spec.Text}' is not a serial input", nameof(spec));
        }
    }

    /// <inheritdoc />
    protected override void Open()
    {
        var path = Spec.Address;
        if (!DeviceExists(path))
        {
            throw new InputUnavailableException($"serial device {path} is not present (unplugged, or a wrong path)");
        }

        var port = new SerialPort(path, Spec.PortOrBaudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Spec.RtsCts ? Handshake.RequestToSend : Handshake.None,
            ReadTimeout = (int)ReadBound.TotalMilliseconds,
            ReadBufferSize = 64 * 1024,
        };
        try
        {
            port.Open();
        }
        catch (UnauthorizedAccessException exception)
        {
            port.Dispose();
            throw DeviceExists(path)
                ? new InputUnavailableException($"serial device {path}: permission denied or in use by another program (is the user in the dialout group?)", exception)
                : new InputUnavailableException($"serial device {path} is not present (unplugged, or a wrong path)", exception);
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new InputUnavailableException($"serial device {path}: cannot open at {Spec.PortOrBaudRate} baud: {exception.Message}", exception);
        }

        _port = port;
    }

    /// <inheritdoc />
    protected override int Read(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var port = _port ?? throw new ObjectDisposedException(Spec.Address);
        var deadline = Environment.TickCount64 + (long)PollInterval.TotalMilliseconds;
        int available;
        while ((available = port.BytesToRead) == 0)
        {
            if (Environment.TickCount64 >= deadline)
            {
                // The line is quiet (a GNSS or a radar between scans): not an error.
                if (!DeviceExists(Spec.Address))
                {
                    // A pseudo-terminal or USB adapter can vanish without the read failing.
                    throw new IOException($"serial device {Spec.Address} disappeared");
                }

                return 0;
            }

            Thread.Sleep(AvailabilityPoll);
        }

        // Only what the port already holds: this read completes at once, long before its bound.
        try
        {
            return port.Read(buffer, 0, Math.Min(buffer.Length, available));
        }
        catch (TimeoutException)
        {
            // The port's own loop stalled for the whole bound: report no data, as a quiet line.
            return 0;
        }
    }

    /// <inheritdoc />
    protected override void Close()
    {
        var port = _port;
        _port = null;
        if (port is null)
        {
            return;
        }

        try
        {
            port.Dispose();
        }
        catch (IOException)
        {
            // Closing a device that is already gone may fail; it is closed for us either way.
        }
    }

    // A symbolic link (/dev/serial/by-id/..., a pseudo-terminal's link) that outlived its device
    // still "exists": follow it to the end.
    private static bool DeviceExists(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return info.Exists;
        }

        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is InputUnavailableException ? exception.Message : $"serial device {Spec.Address}: {exception.GetType().Name}: {exception.Message}";
    }
}
