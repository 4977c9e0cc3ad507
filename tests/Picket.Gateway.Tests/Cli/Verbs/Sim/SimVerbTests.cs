using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Picket.Gateway.Inputs;
using Picket.Gateway.Time;
using Picket.Simulation;
using Picket.Simulation.Recording;
using Picket.Simulation.Scenarios;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Sim;

/// <summary>
/// <c>picket sim</c> as a real process into the gateway's own readers: a socat pseudo-terminal
/// read by <see cref="SerialInputReader"/>, a listening TCP port read by <see
/// cref="TcpInputReader"/> (and a client that connects late), UDP read by <see
/// cref="UdpInputReader"/>. The bytes received are compared with what <see
/// cref="ScenarioRecorder"/> writes for the same scenario (run here, in the test), not with sim's
/// own output.
/// </summary>
public sealed class SimVerbTests(ITestOutputHelper output)
{
    private const string Scenario = "gulf-of-finland-incursion";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [SocatFact]
    public void Sim_RecordedFolderOverPseudoTerminal_SerialReaderGetsTheRecordersBeastBytes()
    {
        using var folder = new TempDirectory();
        var (beast, _) = Record(folder.Path, 120);
        using var link = new SocatLink();
        var received = new Received();
        using var reader = new SerialInputReader(InputSpec.Parse($"beast:serial:{link.DevicePath}:3000000"), new GatewayClock(), received.Append, new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2)));
        reader.Start();
        Assert.True(InputTestRig.WaitFor(() => reader.Connected, Generous), reader.LastError);

        var watch = Stopwatch.StartNew();
        using var sim = RunSim(["--recording", folder.Path, "--output", $"beast:serial:{link.SenderPath}", "--speed", "20"]);
        Assert.True(InputTestRig.WaitFor(() => received.Length >= beast.Length, Generous), $"received {received.Length} of {beast.Length} bytes; {sim.Tail()}");
        output.WriteLine($"120 s of scenario at speed 20 through a pseudo-terminal: {beast.Length} bytes in {watch.Elapsed.TotalSeconds:F1} s (process start included)");
        Assert.True(received.Bytes().AsSpan().SequenceEqual(beast), "the bytes read differ from the recorder's");
        WaitForExit(sim);
    }

    [Fact]
    public async Task Sim_TcpListen_GatewayTcpReaderGetsTheRecordersBytesAndALateClientTheRestFromAFrameStart()
    {
        using var folder = new TempDirectory();
        var (beast, _) = Record(folder.Path, 240);
        var port = FreePorts.Tcp();
        var received = new Received();
        using var reader = new TcpInputReader(InputSpec.Parse($"beast:tcp:127.0.0.1:{port}"), new GatewayClock(), received.Append, new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2)));
        reader.Start();
        using var sim = RunSim(["--scenario", Scenario, "--seconds", "240", "--output", $"beast:tcp-listen:127.0.0.1:{port}", "--speed", "30", "--wait-for-clients"]);

        // A second client, connecting once part of the stream has gone.
        Assert.True(InputTestRig.WaitFor(() => received.Length > beast.Length / 3, Generous), $"received {received.Length}; {sim.Tail()}");
        using var late = new TcpClient();
        late.Connect(IPAddress.Loopback, port);
        var lateBytes = new MemoryStream();
        var lateReading = late.GetStream().CopyToAsync(lateBytes);

        Assert.True(InputTestRig.WaitFor(() => received.Length >= beast.Length, Generous), $"received {received.Length} of {beast.Length} bytes; {sim.Tail()}");
        Assert.True(received.Bytes().AsSpan().SequenceEqual(beast), "the bytes read differ from the recorder's");
        WaitForExit(sim);
        await lateReading.WaitAsync(Generous);
        var tail = lateBytes.ToArray();
        output.WriteLine($"late client: {tail.Length} of {beast.Length} bytes");
        Assert.InRange(tail.Length, 1, beast.Length - 1);
        Assert.True(tail.AsSpan().SequenceEqual(beast.AsSpan(beast.Length - tail.Length)), "the late client's bytes are not the end of the stream");
        Assert.Equal(0x1A, tail[0]);
        Assert.True(tail[1] is (byte)'2' or (byte)'3', "the late client's stream does not start at a frame");
    }

    [Fact]
    public void Sim_AsterixUdp_GatewayUdpReaderGetsEveryRecordedBlockAsOneDatagram()
    {
        using var folder = new TempDirectory();
        var (_, asterix) = Record(folder.Path, 180);
        var port = FreePorts.Udp();
        var received = new Received();
        using var reader = new UdpInputReader(InputSpec.Parse($"asterix:udp:127.0.0.1:{port}"), new GatewayClock(), received.Append, new ReconnectBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2)));
        reader.Start();
        Assert.True(InputTestRig.WaitFor(() => reader.Connected, Generous), reader.LastError);

        // --clock scenario: the times of day as recorded (the default, now, restamps them as a live radar does).
        using var sim = RunSim(["--scenario", Scenario, "--seconds", "180", "--output", $"asterix:udp:127.0.0.1:{port}", "--speed", "20", "--clock", "scenario"]);
        Assert.True(InputTestRig.WaitFor(() => received.Length >= asterix.Length, Generous), $"received {received.Length} of {asterix.Length} bytes; {sim.Tail()}");
        WaitForExit(sim);
        Assert.True(received.Bytes().AsSpan().SequenceEqual(asterix), "the datagrams differ from the recorder's blocks");
        var blocks = 0;
        for (var i = 0; i < asterix.Length; i += (asterix[i + 1] << 8) | asterix[i + 2])
        {
            blocks++;
        }

        Assert.Equal(blocks, received.Chunks);
    }

    [SocatFact]
    public void Sim_NmeaOverPseudoTerminal_GatewayGnssReceiverGetsTheScenarioSiteOncePerSecond()
    {
        using var link = new SocatLink();
        using var receiver = new GnssReceiver(InputSpec.Parse($"nmea:serial:{link.DevicePath}:9600"), new GatewayClock());
        receiver.Start();
        Assert.True(InputTestRig.WaitFor(() => receiver.Reader.Connected, Generous), receiver.Reader.LastError);

        // Real time, 4 s: GGA and RMC at scenario seconds 0, 1, 2 and 3.
        var before = DateTimeOffset.UtcNow;
        using var sim = RunSim(["--scenario", Scenario, "--seconds", "4", "--output", $"nmea:serial:{link.SenderPath}:9600"]);
        WaitForExit(sim);
        Assert.True(InputTestRig.WaitFor(() => receiver.Snapshot().Sentences >= 8, Generous), $"sentences {receiver.Snapshot().Sentences}; {sim.Tail()}");
        var fix = receiver.Snapshot();

        // The seed story's site (gulf-of-finland-incursion.json): 59.52° N, 26.54° E, 60 m.
        Assert.Equal(GnssFixQuality.Gnss, fix.Fix);
        Assert.InRange(fix.LatitudeE7, 595_199_999, 595_200_001);
        Assert.InRange(fix.LongitudeE7, 265_399_999, 265_400_001);
        Assert.Equal(60_000, fix.AltitudeMillimetres);
        Assert.Equal(0, fix.BadSentences);
        Assert.InRange(fix.ReceiverUnixMicroseconds, (before.ToUnixTimeMilliseconds() - 1000) * 1000, (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000) * 1000);
    }

    private static (byte[] Beast, byte[] Asterix) Record(string directory, double seconds)
    {
        var definition = ScenarioLoader.LoadBuiltIn(Scenario);
        var simulation = new ScenarioSimulation(definition);
        using var beast = new MemoryStream();
        using var asterix = new MemoryStream();
        ScenarioRecorder.Record(simulation, beast, asterix, Stream.Null, (long)(seconds * 1e6));
        File.WriteAllBytes(Path.Combine(directory, Scenario + ".beast"), beast.ToArray());
        File.WriteAllBytes(Path.Combine(directory, Scenario + ".asterix"), asterix.ToArray());
        return (beast.ToArray(), asterix.ToArray());
    }

    private static ChildProcess RunSim(IEnumerable<string> arguments) =>
        ChildProcess.Start(BuiltPrograms.Picket, ["sim", .. arguments], Path.GetTempPath());

    private static void WaitForExit(ChildProcess sim)
    {
        Assert.True(InputTestRig.WaitFor(() => sim.HasExited, Generous), "picket sim did not end: " + sim.Tail());
        Assert.True(sim.ExitCode == 0, $"picket sim exited with {sim.ExitCode}: {sim.Tail()}");
    }

    /// <summary>What a reader delivered: the bytes in order and the number of reads (datagrams for UDP).</summary>
    private sealed class Received
    {
        private readonly List<byte> _bytes = [];
        private int _chunks;

        public long Length
        {
            get
            {
                lock (_bytes)
                {
                    return _bytes.Count;
                }
            }
        }

        public int Chunks => Volatile.Read(ref _chunks);

        public void Append(InputReader input, byte[] buffer, int count, long arrivalUnixMicroseconds)
        {
            lock (_bytes)
            {
                _bytes.AddRange(buffer.AsSpan(0, count));
            }

            Interlocked.Increment(ref _chunks);
        }

        public byte[] Bytes()
        {
            lock (_bytes)
            {
                return _bytes.ToArray();
            }
        }
    }
}
