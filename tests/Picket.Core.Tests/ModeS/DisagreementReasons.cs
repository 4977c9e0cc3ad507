using System.Text.Json;

namespace Picket.ModeS;

/// <summary>Why a decoded field may differ from a corpus expectation: the disputes the data README documents, recognised from the record.</summary>
internal static class DisagreementReasons
{
    public static string Explain(string field, JsonElement record, ref ModeSMessage message)
    {
        var sources = record.GetProperty("sources").GetRawText();
        if (field is "bds" or "bds_candidates" || (message.DownlinkFormat is 20 or 21 && !message.HasBds && field is not ("df" or "icao" or "altitude_ft" or "squawk" or "crc_remainder")))
        {
            return "Comm-B register inference: the register is not announced; this decoder's consistency checks (Doc 9871 field layouts) "
                + $"found {message.BdsCandidates} where the source's heuristic (" + (sources.Contains("pyModeS", StringComparison.Ordinal) ? "pyModeS" : "source") + ") decided otherwise";
        }

        if (field == "vr_source")
        {
            return "vertical-rate source bit dispute (README): this decoder reads ME bit 36 as 0 = GNSS, 1 = baro (DO-260B)";
        }

        if (field == "groundspeed_kt" && message.CprSurface)
        {
            return "surface movement bands (README): this decoder reports the bottom of the band (DO-260B table 2-20)";
        }

        if (field == "groundspeed_kt")
        {
            return "ground speed rounding: pyModeS truncates to whole knots (README)";
        }

        if (record.TryGetProperty("crc_valid_per_source", out var valid) && valid.ValueKind == JsonValueKind.False)
        {
            return "synthetic vector with zeroed parity: the source decodes the ME field only";
        }

        return "unexplained";
    }
}
