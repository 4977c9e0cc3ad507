using System.Text;
using Picket.Asterix;
using Picket.ModeS;
using Picket.ModeS.Cpr;
using Picket.ModeS.Framing;
using Picket.Nmea;
using Picket.Protobuf;
using Picket.Uplink;

namespace Picket.Fuzz;

/// <summary>
/// The fuzz targets: each feeds one input to a framer or decoder of the portable core exactly as
/// the gateway does, catches nothing (an exception is a finding) and, where the format can
/// resynchronise, appends a valid reference frame written from the specification (not by our
/// encoders) and throws when it is not found intact after the garbage.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The target names, as given on the command line.</summary>
    public static readonly string[] Names = ["beast", "avr", "sbs", "modes", "asterix", "nmea", "proto"];

    // DF17 identification of 4840D6, callsign KLM1023 (the worked example of "The 1090 MHz Riddle").
    private static readonly byte[] s_df17 = Convert.FromHexString("8D4840D6202CC371C32CE0576098");

    // Beast type '3' (long frame): 0x1a '3', 6-octet timestamp, signal, 14 octets (no 0x1a to escape).
    private static readonly byte[] s_beastFrame = [0x1A, 0x33, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x80, .. s_df17];

    private static readonly byte[] s_avrLine = Encoding.ASCII.GetBytes("\n*8D4840D6202CC371C32CE0576098;\n");

    private static readonly byte[] s_sbsLine = Encoding.ASCII.GetBytes("\nMSG,3,1,1,4840D6,1,2018/04/03,10:00:00.000,2018/04/03,10:00:00.000,,38000,,,52.25720,3.91937,,,0,0,0,0\n");

    // CAT048, one record: FSPEC 0xF0 = I010 (SAC 1, SIC 2), I140 (time 00 00 80), I020 (0x20:
    // single PSR), I040 (RHO 0x1000/256 NM, THETA 0x4000). LEN = 3 + 11 = 14.
    private static readonly byte[] s_cat048Block = [0x30, 0x00, 0x0E, 0xF0, 0x01, 0x02, 0x00, 0x00, 0x80, 0x20, 0x10, 0x00, 0x40, 0x00];

    private static readonly byte[] s_nmeaLine = NmeaSentence("$RATTM,07,2.35,045.2,T,12.4,210.0,T,0.80,11.3,N,TGT07,T,,123456.00,A");

    /// <summary>The largest ASTERIX block the fuzzing framer accepts (the gateway's is 65,535: smaller keeps each run short).</summary>
    public const int AsterixMaxBlock = 2048;

    /// <summary>Candidate blocks the filler after the ASTERIX reference block may have to end, one after another.</summary>
    private const int AsterixFillerBlocks = 8;

    /// <summary>Runs one target on one input.</summary>
    public static void Run(string target, byte[] input)
    {
        switch (target)
        {
            case "beast": Beast(input); break;
            case "avr": Avr(input); break;
            case "sbs": Sbs(input); break;
            case "modes": ModeS(input); break;
            case "asterix": Asterix(input); break;
            case "nmea": Nmea(input); break;
            case "proto": Proto(input); break;
            default: throw new ArgumentException($"unknown target '{target}' (expected one of {string.Join(", ", Names)})", nameof(target));
        }
    }

    /// <summary>Checks that every reference frame decodes on its own (the harness's own sanity check).</summary>
    public static void SelfTest()
    {
        foreach (var name in Names)
        {
            Run(name, []);
        }
    }

    private static void Beast(byte[] input)
    {
        var frame = new ModeSFrame();
        var framer = new BeastFramer(frame);
        var pipeline = new ModeSPipeline(64, new PositionLimits(), 1);
        var message = default(ModeSMessage);
        var last = FeedModeS(framer.Push, frame, pipeline, ref message, input);
        last = FeedModeS(framer.Push, frame, pipeline, ref message, s_beastFrame);
        last = FeedModeS(framer.Push, frame, pipeline, ref message, s_beastFrame);
        ExpectDf17(last, frame, ref message, "Beast");
    }

    private static void Avr(byte[] input)
    {
        var frame = new ModeSFrame();
        var framer = new AvrFramer(frame);
        var pipeline = new ModeSPipeline(64, new PositionLimits(), 1);
        var message = default(ModeSMessage);
        var last = FeedModeS(framer.Push, frame, pipeline, ref message, input);
        last = FeedModeS(framer.Push, frame, pipeline, ref message, s_avrLine);
        last = FeedModeS(framer.Push, frame, pipeline, ref message, s_avrLine);
        ExpectDf17(last, frame, ref message, "AVR");
    }

    // Pushes octets through a framer; every frame goes through the pipeline. Returns the outcome of
    // the last frame (or -1 when none was framed).
    private static int FeedModeS(Func<byte, bool> push, ModeSFrame frame, ModeSPipeline pipeline, ref ModeSMessage message, byte[] input)
    {
        var last = -1;
        foreach (var octet in input)
        {
            if (push(octet))
            {
                last = (int)pipeline.Process(frame, 0, ref message, out _, out _, out _);
            }
        }

        return last;
    }

    private static void ExpectDf17(int outcome, ModeSFrame frame, ref ModeSMessage message, string format)
    {
        if (outcome != (int)ModeSFrameOutcome.Decoded || frame.LengthBytes != 14
            || !frame.Data.AsSpan(0, 14).SequenceEqual(s_df17) || message.DownlinkFormat != 17)
        {
            throw new InvalidOperationException($"{format}: no resynchronisation: the valid DF17 frame appended after the input was not decoded (outcome {outcome}).");
        }
    }

    private static void ModeS(byte[] input)
    {
        // The input is a sequence of frames: a header octet (bits 0-1: 2, 7 or 14 octets or Mode A/C;
        // bit 2: timestamp present) then the frame's octets, timestamps taken from the stream.
        var frame = new ModeSFrame();
        var pipeline = new ModeSPipeline(16, new PositionLimits(), 2);
        var message = default(ModeSMessage);
        var position = 0;
        long ticks = 0;
        while (position < input.Length)
        {
            var header = input[position++];
            var length = (header & 3) switch { 0 => 2, 1 => 7, _ => 14 };
            length = Math.Min(length, input.Length - position);
            Array.Clear(frame.Data);
            Array.Copy(input, position, frame.Data, 0, length);
            position += length;
            frame.LengthBytes = length;
            frame.Kind = (header & 3) == 0 ? ModeSFrameKind.ModeAC : ((header & 3) == 1 ? ModeSFrameKind.ModeSShort : ModeSFrameKind.ModeSLong);
            frame.HasTimestamp = (header & 4) != 0;
            ticks += (header >> 3) * (PositionLimits.TicksPerSecond / 4);
            frame.TimestampTicks = ticks;
            pipeline.Process(frame, ticks, ref message, out _, out _, out _);
        }
    }

    private static void Sbs(byte[] input)
    {
        var record = new SbsRecord();
        var parser = new SbsParser(record, new byte[512]);
        var ok = false;
        foreach (var octet in input)
        {
            parser.Push(octet);
        }

        for (var copy = 0; copy < 2; copy++)
        {
            foreach (var octet in s_sbsLine)
            {
                ok = parser.Push(octet);
                if (ok)
                {
                    break;
                }
            }
        }

        if (!ok || !record.HasAddress || record.Address != 0x4840D6 || !record.HasAltitude || record.AltitudeFeet != 38000)
        {
            throw new InvalidOperationException("SBS: no resynchronisation: the valid MSG,3 line appended after the input was not parsed.");
        }
    }

    private static void Asterix(byte[] input)
    {
        var framer = new AsterixStreamFramer(AsterixMaxBlock);
        var cat048 = new Cat048Decoder();
        var cat034 = new Cat034Decoder();
        var itemOffsets = new int[AsterixUap.MaxFieldReferenceNumber + 1];

        // As a datagram (UDP): blocks must fill it exactly.
        var position = 0;
        while (position < input.Length)
        {
            var status = AsterixDataBlock.TryReadHeader(input, position, input.Length - position, out var category, out var blockLength);
            if (status != AsterixStatus.Ok)
            {
                break;
            }

            if (AsterixUap.ForCategory(category) is not null
                && AsterixDataBlock.Validate(input, position, blockLength, itemOffsets, out _) == AsterixStatus.Ok)
            {
                DecodeBlock(input, position, category, blockLength, cat048, cat034);
            }

            position += blockLength;
        }

        // As a serial stream, with the reference block and enough filler to end any candidate after it.
        var found = false;
        foreach (var octet in input)
        {
            Frame(framer, octet, cat048, cat034);
        }

        // A block begun in the input may validly close inside a copy of the reference (its bytes then
        // being records of that block): copies follow until one is framed, enough to outlast any
        // block begun in the input.
        for (var copy = 0; copy <= 1 + (AsterixMaxBlock / s_cat048Block.Length) && !found; copy++)
        {
            foreach (var octet in s_cat048Block)
            {
                found |= Frame(framer, octet, cat048, cat034);
            }
        }

        // A candidate begun before the reference block waits for up to AsterixMaxBlock octets, and
        // candidates begun inside it (re-examined after it fails) may each wait as long again:
        // the filler allows several such nested waits (it stops as soon as the block is found).
        for (var i = 0; i <= AsterixFillerBlocks * (AsterixMaxBlock + 1) && !found; i++)
        {
            found |= Frame(framer, 0, cat048, cat034);
        }

        if (!found)
        {
            throw new InvalidOperationException($"ASTERIX: no resynchronisation: the valid CAT048 block appended after the input was not framed ({framer.BlockCount} blocks framed, {framer.SkippedBytes} octets skipped, last block {framer.BlockLength} octets: {Convert.ToHexString(framer.Buffer, 0, Math.Min(framer.BlockLength, 64))}).");
        }
    }

    // Pushes one octet; decodes every block that is ready. True when a block ending with the
    // reference block was framed (the reference may legitimately close a block begun in the input).
    private static bool Frame(AsterixStreamFramer framer, byte octet, Cat048Decoder cat048, Cat034Decoder cat034)
    {
        var found = false;
        var ready = framer.Push(octet);
        while (ready)
        {
            var buffer = framer.Buffer;
            var length = framer.BlockLength;
            AsterixDataBlock.TryReadHeader(buffer, 0, length, out var category, out _);
            DecodeBlock(buffer, 0, category, length, cat048, cat034);
            found |= length >= s_cat048Block.Length && buffer.AsSpan(length - s_cat048Block.Length, s_cat048Block.Length).SequenceEqual(s_cat048Block);
            ready = framer.Advance();
        }

        return found;
    }

    private static void DecodeBlock(byte[] buffer, int offset, int category, int blockLength, Cat048Decoder cat048, Cat034Decoder cat034)
    {
        var end = offset + blockLength;
        var position = offset + AsterixDataBlock.HeaderLength;
        while (position < end)
        {
            AsterixStatus status;
            int recordLength;
            if (category == 48)
            {
                status = cat048.TryDecode(buffer, position, end, out _, out recordLength);
            }
            else if (category == 34)
            {
                status = cat034.TryDecode(buffer, position, end, out _, out recordLength);
            }
            else
            {
                return;
            }

            if (status != AsterixStatus.Ok)
            {
                return;
            }

            if (recordLength <= 0 || position + recordLength > end)
            {
                throw new InvalidOperationException($"CAT{category:D3}: record length {recordLength} at {position - offset} outside the block of {blockLength} octets.");
            }

            position += recordLength;
        }
    }

    private static void Nmea(byte[] input)
    {
        var framer = new NmeaLineFramer(NmeaLineFramer.DefaultMaxLength);
        var fields = new NmeaFieldReader();
        foreach (var octet in input)
        {
            if (framer.Push(octet))
            {
                ParseSentence(framer, fields);
            }
        }

        var ok = false;
        for (var copy = 0; copy < 2; copy++)
        {
            foreach (var octet in s_nmeaLine)
            {
                if (framer.Push(octet))
                {
                    ok = ParseSentence(framer, fields) && fields.FormatterIs("TTM");
                }
            }
        }

        if (!ok)
        {
            throw new InvalidOperationException("NMEA: no resynchronisation: the valid TTM sentence appended after the input was not parsed.");
        }
    }

    private static bool ParseSentence(NmeaLineFramer framer, NmeaFieldReader fields)
    {
        if (fields.Read(framer.Line, framer.LineLength) != NmeaStatus.Ok)
        {
            return false;
        }

        // Every parser on every sentence, whatever its formatter: a parser must not trust the caller's dispatch.
        var ttm = ArpaSentenceParser.TryParseTtm(fields, out _);
        ArpaSentenceParser.TryParseTll(fields, out _);
        ArpaSentenceParser.TryParseOsd(fields, out _);
        return ttm == NmeaStatus.Ok;
    }

    private static void Proto(byte[] input)
    {
        AckDecoder.TryDecode(input, 0, input.Length, out _);
        Walk(input, 0, input.Length, 0);
    }

    // Walks every field; length-delimited fields are walked as nested messages too (up to a depth).
    private static void Walk(byte[] input, int offset, int count, int depth)
    {
        var reader = new ProtoReader(input, offset, count);
        while (reader.TryReadTag(out _, out var wireType))
        {
            if (wireType == WireType.LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var inner, out var length))
                {
                    break;
                }

                if (inner < offset || length < 0 || inner + length > offset + count)
                {
                    throw new InvalidOperationException($"ProtoReader: field at {inner} of {length} octets outside the message ({offset}, {count}).");
                }

                if (depth < 8)
                {
                    Walk(input, inner, length, depth + 1);
                }
            }
            else if (!reader.TrySkip(wireType))
            {
                break;
            }
        }
    }

    // A sentence with its checksum (XOR of the octets between '$' and '*', NMEA 0183 §5.3) and CR LF.
    private static byte[] NmeaSentence(string body)
    {
        var checksum = 0;
        for (var i = 1; i < body.Length; i++)
        {
            checksum ^= body[i];
        }

        return Encoding.ASCII.GetBytes($"\r\n{body}*{checksum:X2}\r\n");
    }
}
