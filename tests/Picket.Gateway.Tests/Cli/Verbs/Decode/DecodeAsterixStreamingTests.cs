using System.Globalization;
using Picket.Cli;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Decode;

/// <summary>
/// Issue 12, probe 4: <c>decode --format asterix</c> streams its input. A real picket process
/// decodes a large generated input (real blocks from ../shared/data repeated, in a temp file
/// deleted after) while its peak resident set (VmHWM) is sampled; the figure is printed.
/// </summary>
public sealed class DecodeAsterixStreamingTests(ITestOutputHelper output)
{
    // Far below the input's size: before the fix the whole input was held (1 GB in → 3.1 GB RSS).
    private const long PeakLimitKiB = 150 * 1024;

    [Fact]
    public async Task Decode_200MegabytesOfRawBlocks_PeakResidentSetFarBelowTheInput()
    {
        var block = await File.ReadAllBytesAsync(SharedData.PathOf("asterix/cat048.raw"));
        var repeats = (200L << 20) / block.Length;
        // The data README: cat048.raw is one CAT048 block of one record.
        await RunAndMeasureAsync(block, [], repeats, records: repeats);
    }

    [Fact]
    public async Task Decode_100MegabytePcap_PeakResidentSetFarBelowTheInput()
    {
        var capture = await File.ReadAllBytesAsync(SharedData.PathOf("asterix/cat_034_048.pcap"));
        var body = capture[24..];
        var repeats = (100L << 20) / body.Length;
        // The data README: 162 records per copy of the capture (its expected decode: cat_034_048.txt).
        await RunAndMeasureAsync(body, capture[..24], repeats, records: repeats * 162);
    }

    private async Task RunAndMeasureAsync(byte[] unit, byte[] header, long repeats, long records)
    {
        var path = Path.Combine(Path.GetTempPath(), $"picket-large-{Guid.NewGuid():N}.asterix");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                await file.WriteAsync(header);
                for (var i = 0; i < repeats; i++)
                {
                    await file.WriteAsync(unit);
                }
            }

            var size = new FileInfo(path).Length;
            var (exit, error, peakKiB, timedOut) = await PicketProcess.RunAsync(">/dev/null", TimeSpan.FromMinutes(8), "decode", "--format", "asterix", "--input", path);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input {size / 1048576.0:F1} MiB, peak RSS (VmHWM) {peakKiB / 1024.0:F1} MiB; {error.Trim()}"));
            Assert.False(timedOut);
            Assert.True(exit == CommandLine.Success, error);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"read {records}, decoded {records},"), error, StringComparison.Ordinal);
            Assert.InRange(peakKiB, 1, PeakLimitKiB);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
