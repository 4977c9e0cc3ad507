namespace Picket.Asterix;

/// <summary>
/// One decoded CAT048 target report in wire units (LSBs as in the CAT048 specification, Part 4
/// section 5.2), so that encode and decode are exact. Optional items carry a <c>Has…</c> flag.
/// </summary>
public struct Cat048Record
{
    /// <summary>True when I048/010 is present.</summary>
    public bool HasDataSource;

    /// <summary>I048/010 SAC, system area code, 0 to 255.</summary>
    public int Sac;

    /// <summary>I048/010 SIC, system identification code, 0 to 255.</summary>
    public int Sic;

    /// <summary>True when I048/140 is present.</summary>
    public bool HasTimeOfDay;

    /// <summary>I048/140 time of day, 1/128 s since UTC midnight, 0 to 11,059,199.</summary>
    public int TimeOfDay128;

    /// <summary>True when I048/020 is present.</summary>
    public bool HasDescriptor;

    /// <summary>I048/020 TYP.</summary>
    public TargetReportType ReportType;

    /// <summary>I048/020 one-bit fields.</summary>
    public TargetReportIndicators ReportIndicators;

    /// <summary>I048/020 extension FOE/FRI (bits 3/2), 0 to 3.</summary>
    public int FoeFriend;

    /// <summary>True when I048/040 is present.</summary>
    public bool HasPolarPosition;

    /// <summary>Slant range RHO in 1/256 NM: I048/040 (0 to 65,535) or, with RE/ERR, the extended range (0 to 16,777,215).</summary>
    public int Rho256;

    /// <summary>I048/040 THETA, azimuth in 360/2^16 degree, 0 to 65,535.</summary>
    public int Theta;

    /// <summary>True when the range came from the RE field's ERR subfield (ranges of 256 NM and beyond).</summary>
    public bool HasExtendedRange;

    /// <summary>True when I048/070 is present.</summary>
    public bool HasMode3A;

    /// <summary>I048/070 bits 12/1: the code, 3 bits per octal digit (octal 7777 = 4095).</summary>
    public int Mode3A;

    /// <summary>I048/070 V (bit 16): code not validated.</summary>
    public bool Mode3ANotValidated;

    /// <summary>I048/070 G (bit 15): garbled code.</summary>
    public bool Mode3AGarbled;

    /// <summary>I048/070 L (bit 14): code not extracted in the last scan.</summary>
    public bool Mode3ANotExtracted;

    /// <summary>True when I048/090 is present.</summary>
    public bool HasFlightLevel;

    /// <summary>I048/090 bits 14/1: flight level in 1/4 FL, 14-bit two's complement (-8,192 to 8,191; -4 is FL -1).</summary>
    public int FlightLevelQuarters;

    /// <summary>I048/090 V (bit 16): code not validated.</summary>
    public bool FlightLevelNotValidated;

    /// <summary>I048/090 G (bit 15): garbled code.</summary>
    public bool FlightLevelGarbled;

    /// <summary>Subfields of I048/130 present: bit 0 SRL, 1 SRR, 2 SAM, 3 PRL, 4 PAM, 5 RPD, 6 APD; 0 when the item is absent.</summary>
    public int PlotCharacteristicsPresent;

    /// <summary>I048/130 SRL: SSR plot runlength, 360/2^13 degree, 0 to 255.</summary>
    public int SsrRunLength;

    /// <summary>I048/130 SRR: number of SSR replies, 0 to 255.</summary>
    public int SsrReplies;

    /// <summary>I048/130 SAM: SSR reply amplitude, dBm, -128 to 127.</summary>
    public int SsrAmplitudeDbm;

    /// <summary>I048/130 PRL: PSR plot runlength, 360/2^13 degree, 0 to 255.</summary>
    public int PsrRunLength;

    /// <summary>I048/130 PAM: PSR amplitude, dBm, -128 to 127.</summary>
    public int PsrAmplitudeDbm;

    /// <summary>I048/130 RPD: PSR minus SSR range, 1/256 NM, -128 to 127.</summary>
    public int RangeDifference256;

    /// <summary>I048/130 APD: PSR minus SSR azimuth, 360/2^14 degree, -128 to 127.</summary>
    public int AzimuthDifference;

    /// <summary>True when I048/220 is present.</summary>
    public bool HasAircraftAddress;

    /// <summary>I048/220 ICAO 24-bit aircraft address.</summary>
    public int AircraftAddress;

    /// <summary>True when I048/240 is present.</summary>
    public bool HasIdentification;

    /// <summary>I048/240: eight 6-bit IA-5 characters, first in bits 48/43 (see <see cref="Ia5Callsign"/>).</summary>
    public long Identification;

    /// <summary>The buffer holding the I048/250 BDS registers (the decoded block's own buffer; not copied); null when absent.</summary>
    public byte[] ModeSData;

    /// <summary>Index in <see cref="ModeSData"/> of the first 8-octet register (MB data 56 bits, then BDS1/BDS2).</summary>
    public int ModeSDataOffset;

    /// <summary>Registers in I048/250, 0 to 255.</summary>
    public int ModeSDataCount;

    /// <summary>True when I048/161 is present.</summary>
    public bool HasTrackNumber;

    /// <summary>I048/161 bits 12/1 track number, 0 to 4,095.</summary>
    public int TrackNumber;

    /// <summary>True when I048/042 is present.</summary>
    public bool HasCartesianPosition;

    /// <summary>I048/042 X, 1/128 NM, -32,768 to 32,767.</summary>
    public int X128;

    /// <summary>I048/042 Y, 1/128 NM, -32,768 to 32,767.</summary>
    public int Y128;

    /// <summary>True when I048/200 is present.</summary>
    public bool HasPolarVelocity;

    /// <summary>I048/200 ground speed, 2^-14 NM/s (not knots), 0 to 65,535.</summary>
    public int GroundSpeed;

    /// <summary>I048/200 heading, 360/2^16 degree, 0 to 65,535.</summary>
    public int Heading;

    /// <summary>True when I048/170 is present.</summary>
    public bool HasTrackStatus;

    /// <summary>I048/170 one-bit fields.</summary>
    public TrackStatusIndicators TrackIndicators;

    /// <summary>I048/170 RAD (bits 7/6): 0 combined, 1 PSR, 2 SSR/Mode S, 3 invalid.</summary>
    public int TrackRadarType;

    /// <summary>I048/170 CDM (bits 3/2): 0 maintaining, 1 climbing, 2 descending, 3 unknown.</summary>
    public int TrackClimbDescent;

    /// <summary>True when I048/210 is present.</summary>
    public bool HasTrackQuality;

    /// <summary>I048/210 sigma X, 1/128 NM, 0 to 255.</summary>
    public int SigmaX128;

    /// <summary>I048/210 sigma Y, 1/128 NM, 0 to 255.</summary>
    public int SigmaY128;

    /// <summary>I048/210 sigma of ground speed, 2^-14 NM/s, 0 to 255.</summary>
    public int SigmaGroundSpeed;

    /// <summary>I048/210 sigma of heading, 360/2^12 degree, 0 to 255.</summary>
    public int SigmaHeading;

    /// <summary>True when I048/110 is present.</summary>
    public bool HasHeight3D;

    /// <summary>I048/110 bits 14/1: 3-D height, 25 ft, 14-bit two's complement.</summary>
    public int Height3D25Feet;

    /// <summary>True when I048/120 subfield 1 (CAL) is present.</summary>
    public bool HasDoppler;

    /// <summary>I048/120 CAL D (bit 16): Doppler speed doubtful.</summary>
    public bool DopplerDoubtful;

    /// <summary>I048/120 CAL bits 10/1: calculated radial Doppler speed, m/s, -512 to 511.</summary>
    public int DopplerMetresPerSecond;

    /// <summary>True when I048/230 is present.</summary>
    public bool HasCommunicationsCapability;

    /// <summary>I048/230 as sent: COM (16/14), STAT (13/11), SI (10), MSSC (8), ARC (7), AIC (6), B1A (5), B1B (4/1).</summary>
    public int CommunicationsCapability;
}
