using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Picket.Gateway.Inputs;
using Picket.Gateway.Time;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Recording;

/// <summary>Recording from real inputs: a TCP listener standing in for readsb, a socat pseudo-terminal, and the verb as a real process stopped by SIGINT or killed.</summary>
public sealed class RecorderTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Record_TcpListener_FileHoldsEveryByteInOrderWithArrivalTimes()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var path = _directory.File("tcp.rec");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        try
        {
            using var recorder = new Recorder([InputSpec.Parse($"beast:tcp:127.0.0.1:{port}")], File.Create(path), new GatewayClock());
            recorder.Start();
            using (var client = listener.AcceptTcpClient())
            {
                for (var offset = 0; offset < bytes.Length; offset += 1000)
                {
                    client.GetStream().Write(bytes, offset, Math.Min(1000, bytes.Length - offset));
                }

                Assert.True(WaitFor(() => recorder.Chunks > 0 && recorder.Readers[0].Bytes == bytes.Length), $"read {recorder.Readers[0].Bytes} of {bytes.Length}");
            }

            recorder.Stop();
            Assert.Null(recorder.WriteError);
            Assert.Equal(0, recorder.DroppedChunks);
            output.WriteLine($"{bytes.Length} bytes in {recorder.Chunks} chunks");
        }
        finally
        {
            listener.Stop();
        }

        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 + 1000;
        var (specs, data, times, stop) = ReadAll(path);
        Assert.Equal([$"beast:tcp:127.0.0.1:{port}"], specs);
        Assert.Equal(bytes, data);
        Assert.Null(stop);
        Assert.All(times, t => Assert.InRange(t, before, after));
        Assert.Equal(times.Order(), times);
    }

    [SocatFact]
    public void Record_SocatPseudoTerminal_FileHoldsEveryByte()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        using var link = new SocatLink();
        var path = _directory.File("serial.rec");
        using (var recorder = new Recorder([InputSpec.Parse($"beast:serial:{link.DevicePath}:3000000:rtscts")], File.Create(path), new GatewayClock()))
        {
            recorder.Start();
            Assert.True(WaitFor(() => recorder.Readers[0].Connected), recorder.Readers[0].LastError);
            using (var sender = new FileStream(link.SenderPath, FileMode.Open, FileAccess.Write))
            {
                for (var offset = 0; offset < bytes.Length; offset += 4096)
                {
                    sender.Write(bytes, offset, Math.Min(4096, bytes.Length - offset));
                    sender.Flush();
                }
            }

            Assert.True(WaitFor(() => recorder.Readers[0].Bytes == bytes.Length), $"read {recorder.Readers[0].Bytes} of {bytes.Length}");
            recorder.Stop();
            output.WriteLine($"{bytes.Length} bytes through the pty in {recorder.Chunks} chunks");
        }

        var (_, data, _, stop) = ReadAll(path);
        Assert.Equal(bytes, data);
        Assert.Null(stop);
    }

    [Fact]
    public async Task RecordVerb_RealProcessStoppedBySigint_FileClosedCleanlyWithEveryByte()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var path = _directory.File("sigint.rec");
        var (process, client, listener) = StartRecording(path);
        try
        {
            client.GetStream().Write(bytes);
            Assert.True(WaitFor(() => DataLength(path) == bytes.Length), "the recording did not reach the bytes sent");
            Assert.Equal(0, Signal("INT", process.Id));
            Assert.True(process.WaitForExit(Generous), "picket record did not stop on SIGINT");
            var stderr = await process.StandardError.ReadToEndAsync();
            output.WriteLine(stderr);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("wrote ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Cleanup(process, client, listener);
        }

        var (_, data, _, stop) = ReadAll(path);
        Assert.Equal(bytes, data);
        Assert.Null(stop);
    }

    [Fact]
    public void RecordVerb_RealProcessKilled_FileReadableUpToTheLastWholeChunk()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        var path = _directory.File("killed.rec");
        var (process, client, listener) = StartRecording(path);
        try
        {
            // Keep sending while the process is killed (a power cut mid-stream).
            for (var offset = 0; offset < bytes.Length; offset += 512)
            {
                client.GetStream().Write(bytes, offset, Math.Min(512, bytes.Length - offset));
                if (offset == bytes.Length / 2 / 512 * 512)
                {
                    Assert.True(WaitFor(() => DataLength(path) > 0), "nothing was flushed");
                    process.Kill();
                    break;
                }
            }

            Assert.True(process.WaitForExit(Generous));
        }
        finally
        {
            Cleanup(process, client, listener);
        }

        var (_, data, _, stop) = ReadAll(path);
        output.WriteLine($"after SIGKILL: {data.Length} of {bytes.Length} bytes readable; {stop ?? "ended at a chunk boundary"}");
        Assert.True(data.Length > 0);
        Assert.Equal(bytes[..data.Length], data);
    }

    public void Dispose() => _directory.Dispose();

    private static (Process Process, TcpClient Client, TcpListener Listener) StartRecording(string path)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "picket.dll"), "record", "--input", $"beast:tcp:127.0.0.1:{port}", "--out", path })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var accept = listener.AcceptTcpClientAsync();
        if (!accept.Wait(Generous))
        {
            process.Kill();
            listener.Stop();
            Assert.Fail("picket record did not connect");
        }

        return (process, accept.Result, listener);
    }

    private static void Cleanup(Process process, TcpClient client, TcpListener listener)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        client.Dispose();
        listener.Stop();
    }

    private static int Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    /// <summary>Data bytes in the whole chunks flushed so far (the file is read while it is written).</summary>
    private static long DataLength(string path)
    {
        try
        {
            using var reader = RecordingReader.Open(path);
            long total = 0;
            while (reader.TryRead(out var chunk))
            {
                total += chunk.Data.Length;
            }

            return total;
        }
        catch (Exception e) when (e is IOException or RecordingFormatException)
        {
            return 0;
        }
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Generous)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    private static (IReadOnlyList<string> Specs, byte[] Data, List<long> Times, string? StopReason) ReadAll(string path)
    {
        using var reader = RecordingReader.Open(path);
        var data = new MemoryStream();
        var times = new List<long>();
        while (reader.TryRead(out var chunk))
        {
            Assert.Equal(0, chunk.InputIndex);
            data.Write(chunk.Data);
            times.Add(chunk.ArrivalUnixMicroseconds);
        }

        return (reader.InputSpecs, data.ToArray(), times, reader.StopReason);
    }
}
