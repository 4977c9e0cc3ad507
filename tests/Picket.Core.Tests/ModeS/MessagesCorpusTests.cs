using System.Globalization;
using System.Text;
using System.Text.Json;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.ModeS;

/// <summary>
/// Every message of <c>adsb/messages.jsonl</c> (2,883 messages whose expected values come from
/// independent decoders, their test suites and documented worked examples) decoded and compared
/// field by field. Disagreements are written to <c>test-output/messages-disagreements.txt</c>
/// with the reason they are believed to occur.
/// </summary>
public sealed class MessagesCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Decode_EveryCorpusMessage_AgreesOnAtLeast995PercentOfFields()
    {
        var total = 0;
        var agreed = 0;
        var messages = 0;
        var report = new StringBuilder();
        foreach (var line in File.ReadLines(SharedData.PathOf("adsb/messages.jsonl")))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            var hex = root.GetProperty("hex").GetString()!;
            var frame = Hex.ToBytes(hex);
            var message = default(ModeSMessage);

            // No correction: the vectors are decoded as recorded (some have zeroed parity on purpose).
            Assert.True(ModeSDecoder.Decode(frame, 0, frame.Length, null, 0, 0, ref message), hex);
            messages++;
            var fields = ModeSFieldProjection.Project(ref message);
            var tolerances = root.GetProperty("tolerance");
            foreach (var expected in root.GetProperty("expected").EnumerateObject())
            {
                total++;
                var tolerance = tolerances.TryGetProperty(expected.Name, out var t) ? t.GetDouble() : 1e-6;
                fields.TryGetValue(expected.Name, out var actual);
                if (FieldComparison.Agrees(expected.Name, expected.Value, actual, tolerance))
                {
                    agreed++;
                    continue;
                }

                report.Append(CultureInfo.InvariantCulture, $"{hex} {expected.Name}: expected {expected.Value.GetRawText()}, decoded {FieldComparison.Show(actual)}; ")
                    .AppendLine(DisagreementReasons.Explain(expected.Name, root, ref message));
            }
        }

        var percent = 100.0 * agreed / total;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{messages} messages, {total} fields, {agreed} agree ({percent:F3} %), {total - agreed} disagree");
        var path = Path.Combine(AppContext.BaseDirectory, "test-output", "messages-disagreements.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, summary + "\n" + report);
        output.WriteLine(summary);
        output.WriteLine("written to " + path);
        output.WriteLine(report.ToString());
        Assert.Equal(2883, messages);
        Assert.True(percent >= 99.5, summary);
    }
}
