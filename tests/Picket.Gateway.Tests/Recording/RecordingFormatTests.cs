using System.Text;

namespace Picket.Gateway.Recording;

/// <summary>The container against its documented layout, built by hand byte by byte (Recording/README.md).</summary>
public sealed class RecordingFormatTests
{
    private static readonly string[] Specs = ["beast:tcp:127.0.0.1:30005", "asterix:udp:0.0.0.0:8600"];

    /// <summary>The README's layout written out by hand: header, then two chunks.</summary>
    private static byte[] HandBuilt()
    {
        var bytes = new List<byte>();
        bytes.AddRange("PICKETRC"u8.ToArray());
        bytes.AddRange([1, 0]); // version 1
        bytes.AddRange([0, 0]); // flags
        bytes.AddRange(BitConverter.GetBytes(1_700_000_000_000_000L)); // start, little-endian on x64 and arm64
        bytes.AddRange([2, 0]); // two inputs
        foreach (var spec in Specs)
        {
            bytes.AddRange([(byte)spec.Length, 0]);
            bytes.AddRange(Encoding.ASCII.GetBytes(spec));
        }

        // Chunk 1: input 0, 1 700 000 000 000 123 µs, 3 bytes.
        bytes.Add(0xC3);
        bytes.AddRange([0, 0]);
        bytes.AddRange(BitConverter.GetBytes(1_700_000_000_000_123L));
        bytes.AddRange([3, 0, 0, 0]);
        bytes.AddRange([0x1A, 0x33, 0xFF]);
        // Chunk 2: input 1, 456 µs later, 2 bytes.
        bytes.Add(0xC3);
        bytes.AddRange([1, 0]);
        bytes.AddRange(BitConverter.GetBytes(1_700_000_000_000_579L));
        bytes.AddRange([2, 0, 0, 0]);
        bytes.AddRange([0x30, 0x00]);
        return bytes.ToArray();
    }

    [Fact]
    public void Writer_TwoChunks_BytesAreTheDocumentedLayout()
    {
        var stream = new MemoryStream();
        using (var writer = new RecordingWriter(stream, Specs, 1_700_000_000_000_000L, leaveOpen: true))
        {
            writer.Write(0, 1_700_000_000_000_123L, [9, 0x1A, 0x33, 0xFF], 1, 3);
            writer.Write(1, 1_700_000_000_000_579L, [0x30, 0x00], 0, 2);
        }

        Assert.Equal(HandBuilt(), stream.ToArray());
    }

    [Fact]
    public void Reader_HandBuiltFile_HeaderAndChunks()
    {
        using var reader = new RecordingReader(new MemoryStream(HandBuilt()));

        Assert.Equal(1, reader.Version);
        Assert.Equal(1_700_000_000_000_000L, reader.StartUnixMicroseconds);
        Assert.Equal(Specs, reader.InputSpecs);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal((0, 1_700_000_000_000_123L), (first.InputIndex, first.ArrivalUnixMicroseconds));
        Assert.Equal([0x1A, 0x33, 0xFF], first.Data);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal((1, 1_700_000_000_000_579L), (second.InputIndex, second.ArrivalUnixMicroseconds));
        Assert.Equal([0x30, 0x00], second.Data);
        Assert.False(reader.TryRead(out _));
        Assert.Null(reader.StopReason);
        Assert.Equal(2, reader.Chunks);
    }

    [Fact]
    public void Reader_CutAtEveryByteAfterTheHeader_ReadsExactlyTheWholeChunksBeforeTheCut()
    {
        var full = HandBuilt();
        var headerEnd = 8 + 2 + 2 + 8 + 2 + Specs.Sum(s => 2 + s.Length);
        var firstEnd = headerEnd + 15 + 3;
        for (var cut = headerEnd; cut <= full.Length; cut++)
        {
            using var reader = new RecordingReader(new MemoryStream(full[..cut]));
            var chunks = 0;
            while (reader.TryRead(out _))
            {
                chunks++;
            }

            var expected = cut < firstEnd ? 0 : cut < full.Length ? 1 : 2;
            Assert.Equal(expected, chunks);
            var atBoundary = cut == headerEnd || cut == firstEnd || cut == full.Length;
            Assert.Equal(atBoundary, reader.StopReason is null);
            if (!atBoundary)
            {
                Assert.Contains("cut short", reader.StopReason, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Reader_ZeroFilledTail_StopsBeforeItWithTheReason()
    {
        var bytes = HandBuilt().Concat(new byte[4096]).ToArray();
        using var reader = new RecordingReader(new MemoryStream(bytes));

        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.Contains("no chunk marker", reader.StopReason, StringComparison.Ordinal);
        Assert.Contains($"byte {HandBuilt().Length}", reader.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_NotARecording_ClearError()
    {
        var error = Assert.Throws<RecordingFormatException>(() => new RecordingReader(new MemoryStream(Encoding.ASCII.GetBytes("*8D4840D6202CC371C32CE0576098;\n"))));
        Assert.Contains("not a Picket recording", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_FutureVersion_ClearError()
    {
        var bytes = HandBuilt();
        bytes[8] = 2;
        var error = Assert.Throws<RecordingFormatException>(() => new RecordingReader(new MemoryStream(bytes)));
        Assert.Contains("version 2 is not supported", error.Message, StringComparison.Ordinal);
    }
}
