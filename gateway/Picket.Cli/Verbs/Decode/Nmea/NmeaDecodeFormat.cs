using System.Globalization;
using Picket.Nmea;

namespace Picket.Cli.Verbs.Decode.Nmea;

/// <summary>
/// <c>picket decode --format nmea</c>: NMEA 0183 ARPA sentences (TTM, TLL, OSD), checksums
/// verified; one JSON object per sentence decoded, everything else counted.
/// </summary>
internal sealed class NmeaDecodeFormat : IDecodeFormat
{
    public string Name => "nmea";

    public bool ReadsModeSFrames => false;

    public async Task DecodeAsync(Stream input, JsonLinesWriter output, DecodeSummary summary, DecodeOptions options, CancellationToken cancellationToken)
    {
        var framer = new NmeaLineFramer(NmeaLineFramer.DefaultMaxLength);
        var fields = new NmeaFieldReader();
        var chunk = new byte[1 << 14];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (framer.Push(chunk[i]))
                {
                    summary.Read++;
                    Decode(framer, fields, output, summary);
                }
            }
        }

        summary.SkippedBytes = framer.SkippedBytes;
        if (summary.Read == 0 && framer.SkippedBytes > 0)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"no NMEA 0183 sentence found in {framer.SkippedBytes} octets (expected lines starting with '$')"));
        }
    }

    private static void Decode(NmeaLineFramer framer, NmeaFieldReader fields, JsonLinesWriter output, DecodeSummary summary)
    {
        var status = fields.Read(framer.Line, framer.LineLength);
        if (status != NmeaStatus.Ok)
        {
            summary.Reject(Describe(status));
            return;
        }

        if (fields.FormatterIs("TTM"))
        {
            status = ArpaSentenceParser.TryParseTtm(fields, out var target);
            if (status == NmeaStatus.Ok)
            {
                NmeaJson.Write(output, ref target);
            }
        }
        else if (fields.FormatterIs("TLL"))
        {
            status = ArpaSentenceParser.TryParseTll(fields, out var position);
            if (status == NmeaStatus.Ok)
            {
                NmeaJson.Write(output, ref position);
            }
        }
        else if (fields.FormatterIs("OSD"))
        {
            status = ArpaSentenceParser.TryParseOsd(fields, out var ownShip);
            if (status == NmeaStatus.Ok)
            {
                NmeaJson.Write(output, ref ownShip);
            }
        }
        else
        {
            status = NmeaStatus.UnsupportedSentence;
        }

        if (status == NmeaStatus.Ok)
        {
            summary.Decoded++;
        }
        else
        {
            summary.Reject(Describe(status));
        }
    }

    private static string Describe(NmeaStatus status) => status switch
    {
        NmeaStatus.BadChecksum => "bad checksum",
        NmeaStatus.MissingChecksum => "no checksum",
        NmeaStatus.Malformed => "malformed sentence",
        NmeaStatus.UnsupportedSentence => "sentence not TTM, TLL or OSD",
        NmeaStatus.InvalidField => "required field empty or out of range",
        _ => status.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
