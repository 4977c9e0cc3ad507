using BenchmarkDotNet.Attributes;
using Picket.Asterix;
using Picket.Gateway.Capture;
using Picket.Nmea;
using Picket.Testing;

namespace Picket.Benchmarks;

/// <summary>
/// Radar input decoding on the real capture <c>asterix/cat_034_048.pcap</c> (162 records):
/// time and allocation per record. The structure-only walk is the baseline.
/// </summary>
[MemoryDiagnoser]
public class AsterixDecodeBenchmarks
{
    private const int RecordCount = 162;
    private readonly Cat048Decoder _cat048 = new();
    private readonly Cat034Decoder _cat034 = new();
    private readonly int[] _offsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];
    private readonly AsterixStreamFramer _framer = new(2048);
    private readonly NmeaFieldReader _nmea = new();
    private readonly byte[] _encodeBuffer = new byte[256];
    private byte[] _stream = [];
    private byte[] _ttm = [];
    private Cat048Record _sample;

    [GlobalSetup]
    public void Setup()
    {
        var reader = new PcapReader(File.ReadAllBytes(SharedData.PathOf("asterix/cat_034_048.pcap")));
        var stream = new List<byte>();
        while (reader.TryReadNext(out var datagram))
        {
            stream.AddRange(datagram.Payload);
        }

        _stream = [.. stream];
        _ttm = "$RATTM,07,2.35,045.2,T,12.4,210.0,T,0.80,11.3,N,TGT07,T,,123456.00,A*4F"u8.ToArray();
        _cat048.TryDecode(_stream, 3, AsterixBytes(_stream), out _sample, out _);
        if (DecodeCapture() != RecordCount)
        {
            throw new InvalidOperationException("capture did not decode completely");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RecordCount, Description = "walk record structure (per record)")]
    public int WalkCapture()
    {
        var records = 0;
        var position = 0;
        while (position < _stream.Length)
        {
            var end = position + ((_stream[position + 1] << 8) | _stream[position + 2]);
            var uap = AsterixUap.ForCategory(_stream[position]);
            var record = position + 3;
            while (record < end && AsterixRecordWalker.TryWalk(uap, _stream, record, end, _offsets, out var length) == AsterixStatus.Ok)
            {
                record += length;
                records++;
            }

            position = end;
        }

        return records;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "decode CAT048/CAT034 records (per record)")]
    public int DecodeCapture()
    {
        var records = 0;
        var position = 0;
        while (position < _stream.Length)
        {
            var end = position + ((_stream[position + 1] << 8) | _stream[position + 2]);
            var category = _stream[position];
            var record = position + 3;
            while (record < end)
            {
                int length;
                var status = category == 48
                    ? _cat048.TryDecode(_stream, record, end, out _, out length)
                    : _cat034.TryDecode(_stream, record, end, out _, out length);
                if (status != AsterixStatus.Ok)
                {
                    break;
                }

                record += length;
                records++;
            }

            position = end;
        }

        return records;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "serial framer, byte at a time (per record)")]
    public long FrameSerialStream()
    {
        long blocks = 0;
        foreach (var value in _stream)
        {
            for (var ready = _framer.Push(value); ready; ready = _framer.Advance())
            {
                blocks++;
            }
        }

        return blocks;
    }

    [Benchmark(Description = "encode one CAT048 record")]
    public int EncodeCat048() => Cat048Encoder.EncodeRecord(ref _sample, _encodeBuffer, 0, _encodeBuffer.Length);

    [Benchmark(Description = "verify and parse one TTM sentence")]
    public int ParseTtm()
    {
        _nmea.Read(_ttm, _ttm.Length);
        ArpaSentenceParser.TryParseTtm(_nmea, out var target);
        return target.TargetNumber;
    }

    private static int AsterixBytes(byte[] stream) => (stream[1] << 8) | stream[2];
}
