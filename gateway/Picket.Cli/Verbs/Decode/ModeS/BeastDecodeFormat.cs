using Picket.ModeS;
using Picket.ModeS.Framing;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary><c>picket decode --format beast</c>: Mode-S Beast binary (receiver serial output or TCP port 30005).</summary>
internal sealed class BeastDecodeFormat : IDecodeFormat
{
    public string Name => "beast";

    public bool ReadsModeSFrames => true;

    public async Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken)
    {
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var session = new ModeSDecodeSession(output, summary, options.AllReplies);
        var buffer = new byte[1 << 16];
        long total = 0;
        int count;
        while ((count = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += count;
            var used = 0;
            while (used < count)
            {
                used += framer.Push(buffer, used, count - used, out var ready);
                if (ready)
                {
                    session.Add(frame);
                }
            }
        }

        summary.SkippedBytes = framer.GarbageBytes;
        // Every frame found is read, rejected ones too: read = decoded + rejected.
        summary.Read += framer.TruncatedFrames + framer.SkippedMessages;
        summary.Reject("truncated frame (cut short by the next frame)", framer.TruncatedFrames);
        summary.Reject("receiver status or Radarcape position message (skipped)", framer.SkippedMessages);
        if (total > 0 && framer.Frames == 0 && framer.SkippedMessages == 0)
        {
            throw new InputException($"no Beast frames in {total} bytes of input: is it Beast binary (0x1a '1'..'5' ...)?");
        }
    }
}
