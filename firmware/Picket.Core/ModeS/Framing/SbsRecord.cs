namespace Picket.ModeS.Framing;

/// <summary>
/// One SBS-1/BaseStation CSV line (port 30003): what a receiver already decoded. Owned by the
/// caller and overwritten by each line; every value has a <c>Has…</c> flag because SBS leaves
/// fields empty when they are not part of that transmission type.
/// </summary>
public sealed class SbsRecord
{
    /// <summary>Characters of <see cref="Callsign"/>.</summary>
    public readonly char[] Callsign = new char[8];

    /// <summary>Field 1: MSG, SEL, ID, AIR, STA or CLK.</summary>
    public SbsMessageType MessageType;

    /// <summary>Field 2: transmission type of MSG lines, 1 to 8 (0 when empty).</summary>
    public int TransmissionType;

    /// <summary>True when <see cref="Address"/> is set.</summary>
    public bool HasAddress;

    /// <summary>Field 5: ICAO 24-bit address.</summary>
    public uint Address;

    /// <summary>True when the generated date and time (fields 7-8) are set.</summary>
    public bool HasGeneratedTime;

    /// <summary>Field 7 as yyyymmdd, e.g. 20180403.</summary>
    public int GeneratedDate;

    /// <summary>Field 8, milliseconds since midnight, 0 to 86,399,999.</summary>
    public int GeneratedTimeOfDayMilliseconds;

    /// <summary>Characters in <see cref="Callsign"/> (field 11, trailing spaces removed), 0 when absent.</summary>
    public int CallsignLength;

    /// <summary>True when <see cref="AltitudeFeet"/> is set.</summary>
    public bool HasAltitude;

    /// <summary>Field 12: altitude, feet.</summary>
    public int AltitudeFeet;

    /// <summary>True when <see cref="GroundSpeedMilliknots"/> is set.</summary>
    public bool HasGroundSpeed;

    /// <summary>Field 13: ground speed, 1/1000 knot.</summary>
    public int GroundSpeedMilliknots;

    /// <summary>True when <see cref="TrackMillidegrees"/> is set.</summary>
    public bool HasTrack;

    /// <summary>Field 14: track, 1/1000 degree, 0 to 360,000.</summary>
    public int TrackMillidegrees;

    /// <summary>True when both <see cref="LatitudeE7"/> and <see cref="LongitudeE7"/> are set.</summary>
    public bool HasPosition;

    /// <summary>Field 15: latitude, 1e-7 degree.</summary>
    public int LatitudeE7;

    /// <summary>Field 16: longitude, 1e-7 degree.</summary>
    public int LongitudeE7;

    /// <summary>True when <see cref="VerticalRateFeetPerMinute"/> is set.</summary>
    public bool HasVerticalRate;

    /// <summary>Field 17: vertical rate, feet per minute.</summary>
    public int VerticalRateFeetPerMinute;

    /// <summary>True when <see cref="Squawk"/> is set.</summary>
    public bool HasSquawk;

    /// <summary>Field 18: Mode 3/A code, 12 bits of four octal digits.</summary>
    public int Squawk;

    /// <summary>Fields 19-22 present: bit 0 alert, 1 emergency, 2 SPI, 3 on ground (set when the field is non-empty).</summary>
    public int FlagsPresent;

    /// <summary>Fields 19-22 values: bit 0 alert, 1 emergency, 2 SPI, 3 on ground (set when the field is non-zero).</summary>
    public int Flags;

    /// <summary>Clears every value.</summary>
    public void Clear()
    {
        MessageType = SbsMessageType.Unknown;
        TransmissionType = 0;
        HasAddress = false;
        HasGeneratedTime = false;
        CallsignLength = 0;
        HasAltitude = false;
        HasGroundSpeed = false;
        HasTrack = false;
        HasPosition = false;
        HasVerticalRate = false;
        HasSquawk = false;
        FlagsPresent = 0;
        Flags = 0;
    }
}
