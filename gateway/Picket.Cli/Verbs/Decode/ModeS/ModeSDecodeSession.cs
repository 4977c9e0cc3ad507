using System.Diagnostics;
using Picket.ModeS;
using Picket.ModeS.Cpr;

namespace Picket.Cli.Verbs.Decode.ModeS;

/// <summary>
/// Runs framed Mode S frames through the core pipeline for <c>picket decode</c>: writes each
/// decoded frame and counts the rest in the summary. With <paramref name="allReplies"/>, an
/// address/parity reply from an address not heard in DF11/17/18 is written too, marked
/// <c>"address_unverified": true</c>, instead of being counted as rejected.
/// </summary>
internal sealed class ModeSDecodeSession(JsonLinesWriter output, DecodeSummary summary, bool allReplies)
{
    private readonly ModeSPipeline _pipeline = new(1024, new PositionLimits(), 1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ModeSMessage _message;
    private long _firstTicks = -1;

    /// <summary>Processes one frame.</summary>
    public void Add(ModeSFrame frame)
    {
        summary.Read++;

        // Arrival by this host's monotonic clock, 12 MHz ticks: the pipeline times a frame without a
        // receiver timestamp (plain AVR '*') from the stream's last timestamp plus this (ModeSStreamClock).
        var fallbackTicks = (long)(_clock.Elapsed.TotalSeconds * PositionLimits.TicksPerSecond);
        var outcome = _pipeline.Process(frame, fallbackTicks, ref _message, out var position, out var latitude, out var longitude);
        switch (outcome)
        {
            case ModeSFrameOutcome.Decoded:
                summary.Decoded++;
                if (_message.CrcStatus == ModeSCrcStatus.Corrected)
                {
                    summary.Corrected++;
                }

                Write(frame, position, latitude, longitude);
                break;
            case ModeSFrameOutcome.RejectedUnknownAddress when allReplies:
                // The fields were decoded whatever the parity (ModeSDecoder); the address is the
                // parity remainder, unconfirmed.
                summary.Decoded++;
                summary.AddressUnverified++;
                Write(frame, PositionStatus.NoPosition, 0, 0);
                break;
            case ModeSFrameOutcome.ModeAC:
                summary.Reject("Mode A/C reply (not decoded)");
                break;
            case ModeSFrameOutcome.RejectedLength:
                summary.Reject("frame length does not match its downlink format");
                break;
            case ModeSFrameOutcome.RejectedCrc:
                summary.Reject("parity error not correctable (DF11/17/18)");
                break;
            case ModeSFrameOutcome.RejectedUnknownAddress:
                summary.Reject("address/parity reply from an address not heard in DF11/17/18 (possible noise)");
                break;
            default:
                summary.Reject("downlink format without parity rules (DF19/22)");
                break;
        }
    }

    private void Write(ModeSFrame frame, PositionStatus position, int latitude, int longitude)
    {
        double? time = null;
        if (frame.HasTimestamp)
        {
            if (_firstTicks < 0)
            {
                _firstTicks = frame.TimestampTicks;
            }

            time = (frame.TimestampTicks - _firstTicks) / (double)PositionLimits.TicksPerSecond;
        }

        ModeSJsonWriter.Write(output.Json, frame, ref _message, time, position, latitude, longitude);
        output.EndObject();
    }
}
