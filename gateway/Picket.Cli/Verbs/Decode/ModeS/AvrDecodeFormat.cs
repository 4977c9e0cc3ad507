using Picket.ModeS;
using Picket.ModeS.Framing;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary><c>picket decode --format avr</c>: AVR raw text (<c>*hex;</c>, <c>@ts hex;</c>, <c>%</c>, <c>&lt;</c>).</summary>
internal sealed class AvrDecodeFormat : IDecodeFormat
{
    public string Name => "avr";

    public bool ReadsModeSFrames => true;

    public async Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken)
    {
        var frame = new ModeSFrame();
        var framer = new AvrFramer(frame);
        var session = new ModeSDecodeSession(output, summary, options.AllReplies);
        var buffer = new byte[1 << 16];
        long total = 0;
        int count;
        while ((count = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += count;
            for (var i = 0; i < count; i++)
            {
                if (framer.Push(buffer[i]))
                {
                    session.Add(frame);
                }
            }
        }

        // A last frame without ';' or line end is complete at the end of the input.
        if (framer.Push((byte)'\n'))
        {
            session.Add(frame);
        }

        summary.SkippedBytes = framer.GarbageBytes;
        // Every frame found is read, rejected ones too: read = decoded + rejected.
        summary.Read += framer.TruncatedFrames + framer.MalformedFrames;
        summary.Reject("truncated frame (cut short by the next frame)", framer.TruncatedFrames);
        summary.Reject("malformed frame (not 4, 14 or 28 hex digits)", framer.MalformedFrames);
        if (total > 0 && framer.Frames == 0)
        {
            throw new InputException($"no AVR frames in {total} bytes of input: expected lines like *8D4840D6202CC371C32CE0576098;");
        }
    }
}
