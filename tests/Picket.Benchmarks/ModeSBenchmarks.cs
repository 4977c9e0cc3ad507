using BenchmarkDotNet.Attributes;
using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.ModeS.Framing;
using Picket.Testing;

namespace Picket.Benchmarks;

/// <summary>
/// The real ULSS7 Beast capture (13,954 frames, 8,928 Mode S) framed and decoded in a loop.
/// Every figure is per frame (OperationsPerInvoke); allocated bytes per frame must be 0.
/// </summary>
[MemoryDiagnoser]
public class ModeSBenchmarks
{
    private const int CaptureFrames = 13954;
    private const int ModeSFrames = 8928;

    private readonly ModeSFrame _frame = new();
    private byte[] _capture = [];
    private byte[][] _modeS = [];
    private BeastFramer _framer = null!;
    private ModeSPipeline _pipeline = null!;
    private KnownAircraftTable _known = null!;
    private ModeSMessage _message;

    [GlobalSetup]
    public void Setup()
    {
        _capture = File.ReadAllBytes(SharedData.PathOf("adsb/beast_ulss7_20180403.bin"));
        _framer = new BeastFramer(_frame);
        _pipeline = new ModeSPipeline(1024, new PositionLimits(), 1);
        _known = new KnownAircraftTable(1024, ModeSPipeline.DefaultAddressExpiryTicks);
        var frames = new List<byte[]>();
        foreach (var b in _capture)
        {
            if (_framer.Push(b) && _frame.Kind != ModeSFrameKind.ModeAC)
            {
                frames.Add(_frame.Data[.._frame.LengthBytes]);
            }
        }

        _modeS = [.. frames];
        if (_modeS.Length != ModeSFrames)
        {
            throw new InvalidOperationException($"expected {ModeSFrames} Mode S frames, framed {_modeS.Length}");
        }
    }

    /// <summary>CRC-24 syndrome of every Mode S frame: the floor of any decoder.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ModeSFrames)]
    public uint CrcOnly()
    {
        uint sum = 0;
        foreach (var frame in _modeS)
        {
            sum += Crc24.Syndrome(frame, 0, frame.Length);
        }

        return sum;
    }

    /// <summary>Decode only (parity, AP check against the known table, every field; no framing, no CPR): the readsb "decode" figure.</summary>
    [Benchmark(OperationsPerInvoke = ModeSFrames)]
    public int DecodeOnly()
    {
        var trusted = 0;
        long now = 0;
        foreach (var frame in _modeS)
        {
            ModeSDecoder.Decode(frame, 0, frame.Length, _known, now += 1000, 1, ref _message);
            trusted += ModeSDecoder.IsTrusted(ref _message) ? 1 : 0;
        }

        return trusted;
    }

    /// <summary>Beast framing alone: unescaping and frame boundaries of the raw bytes.</summary>
    [Benchmark(OperationsPerInvoke = CaptureFrames)]
    public long FramingOnly()
    {
        long frames = 0;
        var capture = _capture;
        var offset = 0;
        while (offset < capture.Length)
        {
            offset += _framer.Push(capture, offset, capture.Length - offset, out var ready);
            frames += ready ? 1 : 0;
        }

        return frames;
    }

    /// <summary>The whole receiver path: Beast framing of the raw bytes, decoding, known table, CPR and plausibility.</summary>
    [Benchmark(OperationsPerInvoke = CaptureFrames)]
    public long FrameAndDecode()
    {
        long decoded = 0;
        var capture = _capture;
        var offset = 0;
        while (offset < capture.Length)
        {
            offset += _framer.Push(capture, offset, capture.Length - offset, out var ready);
            if (ready && _pipeline.Process(_frame, 0, ref _message, out _, out _, out _) == ModeSFrameOutcome.Decoded)
            {
                decoded++;
            }
        }

        return decoded;
    }
}
