namespace Picket.Nmea;

/// <summary>Outcome of checking or parsing one NMEA 0183 sentence.</summary>
public enum NmeaStatus
{
    /// <summary>Valid and parsed.</summary>
    Ok = 0,

    /// <summary>Not <c>$</c>, address, fields, <c>*hh</c>.</summary>
    Malformed,

    /// <summary>No <c>*hh</c> checksum; ARPA sentences must carry one.</summary>
    MissingChecksum,

    /// <summary>The XOR of the characters between <c>$</c> and <c>*</c> differs from <c>hh</c>.</summary>
    BadChecksum,

    /// <summary>A sentence this parser does not handle (only TTM, TLL, OSD).</summary>
    UnsupportedSentence,

    /// <summary>A required field is empty or not a number in range.</summary>
    InvalidField,
}
