using System.Diagnostics;
using System.IO.Ports;
using Picket.Gateway.Sources;
using Picket.Gateway.Time;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Inputs;

/// <summary>Real pseudo-terminals (socat) carrying a real capture into <see cref="SerialPort"/>.</summary>
public sealed class SerialInputReaderTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [SocatFact]
    public void Read_BeastCaptureAt3MbaudRtsCts_SameFramesAsTheFile()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var expected = BeastReference.Frames(bytes).Count;
        using var link = new SocatLink();
        var live = InputTestRig.NewPipeline();
        using var inputs = new LiveInputSet([InputSpec.Parse($"beast:serial:{link.DevicePath}:3000000:rtscts")], live, new GatewayClock());
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Inputs[0].Reader.Connected, Generous), inputs.Snapshot()[0].LastError);
        var watch = Stopwatch.StartNew();
        using (var sender = new FileStream(link.SenderPath, FileMode.Open, FileAccess.Write))
        {
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                sender.Write(bytes, offset, Math.Min(4096, bytes.Length - offset));
                sender.Flush();
            }
        }

        Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].Frames >= expected, Generous), $"frames {inputs.Snapshot()[0].Frames} of {expected}");
        var health = inputs.Snapshot()[0];
        output.WriteLine($"{bytes.Length} bytes through the pty in {watch.Elapsed.TotalMilliseconds:F0} ms: {health.Frames} frames");
        Assert.Equal(expected, health.Frames);
        Assert.Equal(bytes.Length, health.Bytes);
        Assert.Equal(0, health.DecodeErrors);
        Assert.Equal(0, health.BytesDropped);
        Assert.True(health.LastFrameUnixMicroseconds > 0);

        // The same file read directly (the replay path): the Mode S pipeline saw the same frames.
        inputs.Stop();
        var direct = InputTestRig.NewPipeline();
        ReplayMerger.Run([new ModeSReplaySource("beast:file", bytes, beast: true, 0)], direct);
        Assert.Equal(
            (direct.ModeS.Frames, direct.ModeS.Decoded, direct.ModeS.Corrected, direct.ModeS.RejectedCrc, direct.ModeS.RejectedUnknownAddress, direct.ModeS.ConfirmedPositions),
            (live.ModeS.Frames, live.ModeS.Decoded, live.ModeS.Corrected, live.ModeS.RejectedCrc, live.ModeS.RejectedUnknownAddress, live.ModeS.ConfirmedPositions));
        output.WriteLine($"Mode S pipeline: {live.ModeS.Frames} frames, {live.ModeS.Decoded} decoded, {live.ModeS.ConfirmedPositions} confirmed positions (live = file)");
    }

    [SocatFact]
    public void Read_DeviceUnpluggedAndReplugged_ResumesWithTheGapInHealth()
    {
        using var link = new SocatLink();
        using var inputs = InputTestRig.Create($"beast:serial:{link.DevicePath}:3000000");
        inputs.Start();
        var input = inputs.Inputs[0];
        Assert.True(InputTestRig.WaitFor(() => input.Reader.Connected, Generous), input.Snapshot().LastError);
        using var stop = new CancellationTokenSource();
        var sender = new Thread(() => SendFrames(link.SenderPath, stop.Token)) { IsBackground = true };
        sender.Start();
        try
        {
            Assert.True(InputTestRig.WaitFor(() => input.Snapshot().Frames > 10, Generous));

            link.Unplug();
            Assert.True(InputTestRig.WaitFor(() => !input.Reader.Connected, Generous), "the unplug was not noticed");
            output.WriteLine($"unplug noticed: {input.Snapshot().LastError}");
            Thread.Sleep(1500); // unplugged for a while: the backoff grows to its cap
            output.WriteLine($"while unplugged: {input.Snapshot().LastError}");
            Assert.Equal($"serial device {link.DevicePath} is not present (unplugged, or a wrong path)", input.Snapshot().LastError);
            var before = input.Snapshot().Frames;

            link.Plug();
            var returned = Stopwatch.StartNew();
            Assert.True(InputTestRig.WaitFor(() => input.Snapshot().Frames > before, Generous), "reading did not resume");
            var resumed = returned.Elapsed;
            var health = input.Snapshot();
            output.WriteLine($"reading resumed {resumed.TotalMilliseconds:F0} ms after the device returned; reconnects {health.Reconnects}, disconnected {health.DisconnectedMicroseconds / 1000} ms");
            // The backoff is capped at 2 s; the bound is generous for a loaded machine, the figure is printed.
            Assert.True(resumed < TimeSpan.FromSeconds(10), $"resumed after {resumed}");
            Assert.True(health.Connected);
            Assert.True(health.Reconnects >= 1);
            Assert.True(health.DisconnectedMicroseconds >= 1_000_000, $"gap {health.DisconnectedMicroseconds} µs");
        }
        finally
        {
            stop.Cancel();
            sender.Join();
        }
    }

    [Fact]
    public void Open_MissingPath_ClearErrorNotAccessDenied()
    {
        var missing = Path.Combine(Path.GetTempPath(), "picket-no-such-device-" + Environment.ProcessId);

        // The trap (System.IO.Ports 10.0.15): SerialPort itself reports a missing device as an access problem.
        using (var raw = new SerialPort(missing))
        {
            Assert.Throws<UnauthorizedAccessException>(raw.Open);
        }

        using var inputs = InputTestRig.Create($"nmea:serial:{missing}:4800");
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Snapshot()[0].LastError is not null, Generous));
        var health = inputs.Snapshot()[0];
        Assert.False(health.Connected);
        Assert.Equal($"serial device {missing} is not present (unplugged, or a wrong path)", health.LastError);
    }

    [SocatFact]
    public void RawSerialPort_Unplugged_PendingReadThrowsObjectDisposedWhileIsOpenStillTrue()
    {
        // The trap the reader is built around, reproduced on System.IO.Ports itself.
        using var link = new SocatLink();
        using var port = new SerialPort(link.DevicePath, 115200) { ReadTimeout = 30_000 };
        port.Open();
        Exception? thrown = null;
        var reader = new Thread(() =>
        {
            try
            {
                port.Read(new byte[16], 0, 16);
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
            {
                thrown = exception;
            }
        });
        reader.Start();
        Thread.Sleep(300);
        link.Unplug();
        Assert.True(reader.Join(Generous), "the pending read never returned");
        output.WriteLine($"pending read on unplug: {thrown?.GetType().Name}: {thrown?.Message}; IsOpen {port.IsOpen}");
        Assert.IsType<ObjectDisposedException>(thrown);
        Assert.True(port.IsOpen);
    }

    [SocatFact]
    public async Task RawSerialPort_ReadAsync_IgnoresTimeoutAndTheAbandonedReadStealsLaterBytes()
    {
        // The traps that rule out ReadAsync in the reader, reproduced on System.IO.Ports itself.
        using var link = new SocatLink();
        using var port = new SerialPort(link.DevicePath, 115200) { ReadTimeout = 200 };
        port.Open();
        var abandoned = port.BaseStream.ReadAsync(new byte[16], 0, 16);
        var first = await Task.WhenAny(abandoned, Task.Delay(1500));
        output.WriteLine($"ReadAsync with ReadTimeout 200 ms, after 1.5 s: completed {abandoned.IsCompleted}");
        Assert.NotSame(abandoned, first);

        using (var sender = new FileStream(link.SenderPath, FileMode.Open, FileAccess.Write))
        {
            sender.Write("hello"u8);
        }

        // A later synchronous read does not get the bytes: the abandoned ReadAsync takes them.
        var buffer = new byte[16];
        var read = 0;
        try
        {
            read = port.Read(buffer, 0, buffer.Length);
        }
        catch (TimeoutException)
        {
        }

        var stolen = await Task.WhenAny(abandoned, Task.Delay(5000)) == abandoned ? abandoned.Result : 0;
        output.WriteLine($"synchronous Read got {read} bytes, the abandoned ReadAsync {stolen}");
        Assert.Equal(5, read + stolen);
        Assert.True(stolen > 0, "the abandoned ReadAsync took nothing");
    }

    [SocatFact]
    public void Read_QuietLine_StaysConnectedWithoutErrors()
    {
        // A GNSS or radar that says nothing: read timeouts are not errors (Iot.Device's NmeaParser dies of them).
        using var link = new SocatLink();
        using var inputs = InputTestRig.Create($"nmea:serial:{link.DevicePath}:4800");
        inputs.Start();
        Assert.True(InputTestRig.WaitFor(() => inputs.Inputs[0].Reader.Connected, Generous));
        Thread.Sleep(1200); // several read timeouts
        var health = inputs.Snapshot()[0];
        Assert.True(health.Connected);
        Assert.Null(health.LastError);
        Assert.Equal(0, health.Reconnects);
    }

    // One valid Beast long frame every 20 ms to whatever pty is there (reopened after an unplug).
    private static void SendFrames(string path, CancellationToken token)
    {
        // 0x1a '3', 6-byte timestamp, signal, DF17 8D4840D6202CC371C32CE0576098 (no 0x1a inside).
        var frame = Convert.FromHexString("1A33000000000001808D4840D6202CC371C32CE0576098");
        while (!token.IsCancellationRequested)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
                while (!token.IsCancellationRequested)
                {
                    stream.Write(frame);
                    stream.Flush();
                    token.WaitHandle.WaitOne(20);
                }
            }
            catch (IOException)
            {
                token.WaitHandle.WaitOne(20);
            }
            catch (UnauthorizedAccessException)
            {
                token.WaitHandle.WaitOne(20);
            }
        }
    }
}
