using System.Diagnostics;
using System.IO.Ports;

namespace Picket.Simulation.Playback;

/// <summary>
/// A serial device or pseudo-terminal (<c>FORMAT:serial:PATH[:BAUD][:rtscts]</c>), 8N1, written
/// with a 500 ms timeout. A device that is absent, unplugged or not read (the write times out)
/// loses the unit; the device is reopened at most every 0.25 s until it is back.
/// </summary>
public sealed class SerialPlaybackSink : PlaybackSink
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _sinceFailure = new();
    private SerialPort? _port;

    /// <summary>Creates the sink (the device opens on the first send).</summary>
    /// <param name="spec">A serial output.</param>
    public SerialPlaybackSink(PlaybackOutputSpec spec)
        : base(spec)
    {
    }

    /// <inheritdoc />
    protected override bool TrySend(byte[] buffer, int count)
    {
        if (_port is null)
        {
            if (_sinceFailure.IsRunning && _sinceFailure.Elapsed < RetryInterval)
            {
                return false;
            }

            if (!File.Exists(Spec.Address))
            {
                Fail($"serial device {Spec.Address} is not present");
                return false;
            }

            var port = new SerialPort(Spec.Address, Spec.PortOrBaudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Spec.RtsCts ? Handshake.RequestToSend : Handshake.None,
                WriteTimeout = 500,
            };
            try
            {
                port.Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                port.Dispose();
                Fail($"{Spec.Address}: {e.Message}");
                return false;
            }

            _port = port;
        }

        try
        {
            _port.Write(buffer, 0, count);
            return true;
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Close();
            Fail($"{Spec.Address}: {e.Message}");
            return false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }
    }

    private void Fail(string error)
    {
        LastError = error;
        _sinceFailure.Restart();
    }

    private void Close()
    {
        try
        {
            _port?.Dispose();
        }
        catch (IOException)
        {
            // The device is gone.
        }

        _port = null;
    }
}
