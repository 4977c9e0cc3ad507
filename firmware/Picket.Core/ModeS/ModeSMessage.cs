namespace Picket.ModeS;

/// <summary>
/// The values decoded from one Mode S frame (ICAO Annex 10 Vol IV, DO-260B), in integer units.
/// Optional values carry a <c>Has…</c> flag; nothing is ever NaN or -1. Angles are binary
/// angles: 2^32 = 360 degrees (unsigned for directions 0 to 360, signed for roll). A plain value
/// type: the frame it came from (<see cref="ModeSFrame"/>) and position tracking
/// (<see cref="Cpr.AircraftPositionTable"/>) are separate.
/// </summary>
public struct ModeSMessage
{
    /// <summary>Downlink format, 0 to 24 (24 stands for every format with bits 1-2 = 11).</summary>
    public int DownlinkFormat;

    /// <summary>Frame length, 56 or 112 bits.</summary>
    public int LengthBits;

    /// <summary>Outcome of the parity check.</summary>
    public ModeSCrcStatus CrcStatus;

    /// <summary>Bits corrected by <see cref="ErrorCorrection"/>, 0 to 2.</summary>
    public int CorrectedBits;

    /// <summary>The syndrome before correction, 24 bits: 0 for intact DF17, the address for AP formats.</summary>
    public uint CrcRemainder;

    /// <summary>True when <see cref="Address"/> is set.</summary>
    public bool HasAddress;

    /// <summary>ICAO 24-bit aircraft address (or the non-ICAO address of DF18).</summary>
    public uint Address;

    /// <summary>True when the address came from the address/parity field rather than the AA field.</summary>
    public bool AddressFromParity;

    /// <summary>True when <see cref="Capability"/> is set (DF11/17).</summary>
    public bool HasCapability;

    /// <summary>CA, bits 6-8 of DF11/17: transponder capability, 0 to 7.</summary>
    public int Capability;

    /// <summary>True when <see cref="ControlField"/> is set (DF18).</summary>
    public bool HasControlField;

    /// <summary>CF, bits 6-8 of DF18: 0-1 ADS-B non-transponder, 2-3 TIS-B, 5 TIS-B, 6 ADS-R.</summary>
    public int ControlField;

    /// <summary>True when <see cref="FlightStatus"/> and the DR/UM fields are set (DF4/5/20/21).</summary>
    public bool HasFlightStatus;

    /// <summary>FS, bits 6-8: 0-1 no alert, 2-4 alert, 4-5 SPI, odd = on the ground.</summary>
    public int FlightStatus;

    /// <summary>DR, bits 9-13: downlink request.</summary>
    public int DownlinkRequest;

    /// <summary>UM, bits 14-19: utility message.</summary>
    public int UtilityMessage;

    /// <summary>True when <see cref="OnGround"/> is known (DF0/16 VS, DF4/5/20/21 FS, DF11/17 CA).</summary>
    public bool HasOnGround;

    /// <summary>True when the aircraft reports being on the ground.</summary>
    public bool OnGround;

    /// <summary>True when the SL/RI fields are set (DF0/16).</summary>
    public bool HasSensitivityLevel;

    /// <summary>SL, bits 9-11: ACAS sensitivity level, 0 to 7.</summary>
    public int SensitivityLevel;

    /// <summary>RI, bits 14-17: reply information (air-air), 0 to 15.</summary>
    public int ReplyInformation;

    /// <summary>True when <see cref="AltitudeFeet"/> is set.</summary>
    public bool HasAltitude;

    /// <summary>Altitude, feet, -1,000 to 126,700 (Q=1) or -1,200 to 126,700 (Gillham).</summary>
    public int AltitudeFeet;

    /// <summary>What <see cref="AltitudeFeet"/> measures.</summary>
    public AltitudeSource AltitudeSource;

    /// <summary>True when <see cref="Squawk"/> is set.</summary>
    public bool HasSquawk;

    /// <summary>Mode 3/A code as 12 bits ABCD (A in bits 9-11), 0 to 0xFFF; printed as 4 octal digits.</summary>
    public int Squawk;

    /// <summary>True when <see cref="TypeCode"/> is set (DF17/18 with ADS-B).</summary>
    public bool HasTypeCode;

    /// <summary>ADS-B type code, ME bits 1-5, 0 to 31.</summary>
    public int TypeCode;

    /// <summary>True when <see cref="Subtype"/> is set.</summary>
    public bool HasSubtype;

    /// <summary>ADS-B message subtype (TC 19, 28, 29, 31).</summary>
    public int Subtype;

    /// <summary>True when <see cref="CallsignCharacters"/> is set.</summary>
    public bool HasCallsign;

    /// <summary>Eight 6-bit characters, first in bits 42-47; decode with <see cref="CallsignAlphabet"/>.</summary>
    public ulong CallsignCharacters;

    /// <summary>True when <see cref="EmitterCategory"/> is set (TC 1-4).</summary>
    public bool HasEmitterCategory;

    /// <summary>Category set from the type code: 1 = A (TC 4), 2 = B (TC 3), 3 = C (TC 2), 4 = D (TC 1).</summary>
    public int EmitterCategorySet;

    /// <summary>Emitter category within the set, ME bits 6-8, 0 to 7.</summary>
    public int EmitterCategory;

    /// <summary>True when the CPR fields are set (TC 5-18, 20-22).</summary>
    public bool HasCpr;

    /// <summary>True for a surface position (TC 5-8).</summary>
    public bool CprSurface;

    /// <summary>CPR format F: 0 even, 1 odd.</summary>
    public int CprFormat;

    /// <summary>Encoded CPR latitude, 17 bits.</summary>
    public int CprLatitude;

    /// <summary>Encoded CPR longitude, 17 bits.</summary>
    public int CprLongitude;

    /// <summary>True when <see cref="NucP"/> is set (TC 5-18, 20-22).</summary>
    public bool HasNucP;

    /// <summary>Navigation uncertainty category for position implied by the type code (DO-260A), 0 to 9.</summary>
    public int NucP;

    /// <summary>True when <see cref="GroundSpeedKnotsQ10"/> is set.</summary>
    public bool HasGroundSpeed;

    /// <summary>Ground speed, knots in Q10 (1/1024 kt units), 0 to 5,800 kt.</summary>
    public int GroundSpeedKnotsQ10;

    /// <summary>True when <see cref="Track"/> is set (ground track over ground, true north).</summary>
    public bool HasTrack;

    /// <summary>Ground track, binary angle (2^32 = 360 degrees), clockwise from true north.</summary>
    public uint Track;

    /// <summary>True when <see cref="Heading"/> is set (TC 19 subtypes 3/4).</summary>
    public bool HasHeading;

    /// <summary>Heading, binary angle, clockwise from (magnetic or true) north.</summary>
    public uint Heading;

    /// <summary>True when <see cref="AirspeedKnots"/> is set.</summary>
    public bool HasAirspeed;

    /// <summary>Airspeed of TC 19 subtypes 3/4, knots, 0 to 4,088.</summary>
    public int AirspeedKnots;

    /// <summary>Whether <see cref="AirspeedKnots"/> is IAS or TAS.</summary>
    public AirspeedType AirspeedType;

    /// <summary>True when <see cref="VerticalRateFeetPerMinute"/> is set.</summary>
    public bool HasVerticalRate;

    /// <summary>Vertical rate, feet per minute, ±32,640.</summary>
    public int VerticalRateFeetPerMinute;

    /// <summary>Source of <see cref="VerticalRateFeetPerMinute"/>.</summary>
    public VerticalRateSource VerticalRateSource;

    /// <summary>True when <see cref="GeometricMinusBarometricFeet"/> is set.</summary>
    public bool HasGeometricMinusBarometric;

    /// <summary>GNSS height minus barometric altitude, feet, ±3,150.</summary>
    public int GeometricMinusBarometricFeet;

    /// <summary>True when <see cref="NacV"/> is set (TC 19).</summary>
    public bool HasNacV;

    /// <summary>Navigation accuracy category for velocity, 0 to 7.</summary>
    public int NacV;

    /// <summary>True when <see cref="EmergencyState"/> is set (TC 28 subtype 1).</summary>
    public bool HasEmergencyState;

    /// <summary>Emergency/priority status, 0 (none) to 7.</summary>
    public int EmergencyState;

    /// <summary>True when the target-state fields are set (TC 29 subtype 1).</summary>
    public bool HasTargetState;

    /// <summary>True when <see cref="SelectedAltitudeFeet"/> is set.</summary>
    public bool HasSelectedAltitude;

    /// <summary>Selected altitude (TC 29), feet, 0 to 65,472.</summary>
    public int SelectedAltitudeFeet;

    /// <summary>True when the TC 29 selected altitude comes from the FMS, false for MCP/FCU.</summary>
    public bool SelectedAltitudeFromFms;

    /// <summary>True when <see cref="BaroSettingTenthsHectopascal"/> is set.</summary>
    public bool HasBaroSetting;

    /// <summary>Barometric pressure setting (TC 29), 0.1 hPa units, 8,000 to 12,080.</summary>
    public int BaroSettingTenthsHectopascal;

    /// <summary>True when <see cref="SelectedHeading"/> is set.</summary>
    public bool HasSelectedHeading;

    /// <summary>Selected heading (TC 29), binary angle.</summary>
    public uint SelectedHeading;

    /// <summary>True when the autopilot mode flags below are valid (TC 29 MCP/FCU mode status bit).</summary>
    public bool HasAutopilotModes;

    /// <summary>Autopilot engaged.</summary>
    public bool Autopilot;

    /// <summary>VNAV mode engaged.</summary>
    public bool Vnav;

    /// <summary>Altitude hold mode engaged.</summary>
    public bool AltitudeHold;

    /// <summary>Approach mode engaged.</summary>
    public bool Approach;

    /// <summary>LNAV mode engaged.</summary>
    public bool Lnav;

    /// <summary>True when <see cref="TcasOperational"/> is set (TC 29 subtype 1).</summary>
    public bool HasTcasOperational;

    /// <summary>ACAS/TCAS operational.</summary>
    public bool TcasOperational;

    /// <summary>True when <see cref="NacP"/> is set (TC 29, 31).</summary>
    public bool HasNacP;

    /// <summary>Navigation accuracy category for position, 0 to 11.</summary>
    public int NacP;

    /// <summary>True when <see cref="NicBaro"/> is set.</summary>
    public bool HasNicBaro;

    /// <summary>Barometric altitude integrity code, 0 or 1.</summary>
    public int NicBaro;

    /// <summary>True when <see cref="Sil"/> is set.</summary>
    public bool HasSil;

    /// <summary>Source integrity level, 0 to 3.</summary>
    public int Sil;

    /// <summary>True when the operational-status fields (<see cref="Version"/> and those after) are set (TC 31).</summary>
    public bool HasOperationalStatus;

    /// <summary>ADS-B version, 0 (DO-260), 1 (DO-260A), 2 (DO-260B).</summary>
    public int Version;

    /// <summary>NIC supplement A, 0 or 1.</summary>
    public int NicA;

    /// <summary>True when <see cref="Gva"/> is set (airborne TC 31, version 2).</summary>
    public bool HasGva;

    /// <summary>Geometric vertical accuracy, 0 to 3.</summary>
    public int Gva;

    /// <summary>True when <see cref="Sda"/> is set (TC 31, version 2).</summary>
    public bool HasSda;

    /// <summary>System design assurance, 0 to 3.</summary>
    public int Sda;

    /// <summary>True when <see cref="Bds"/> is set: the register the message is (ADS-B) or was inferred to be (Comm-B, unambiguous).</summary>
    public bool HasBds;

    /// <summary>BDS code as two hex digits, e.g. 0x40 for BDS 4,0.</summary>
    public int Bds;

    /// <summary>Comm-B registers the MB field is consistent with (DF20/21).</summary>
    public CommBRegisters BdsCandidates;

    /// <summary>True when <see cref="SelectedAltitudeMcpFeet"/> is set (BDS 4,0).</summary>
    public bool HasSelectedAltitudeMcp;

    /// <summary>MCP/FCU selected altitude, feet, 0 to 65,520.</summary>
    public int SelectedAltitudeMcpFeet;

    /// <summary>True when <see cref="SelectedAltitudeFmsFeet"/> is set (BDS 4,0).</summary>
    public bool HasSelectedAltitudeFms;

    /// <summary>FMS selected altitude, feet, 0 to 65,520.</summary>
    public int SelectedAltitudeFmsFeet;

    /// <summary>True when <see cref="BaroPressureSettingTenthsHectopascal"/> is set (BDS 4,0).</summary>
    public bool HasBaroPressureSetting;

    /// <summary>Barometric pressure setting (BDS 4,0), 0.1 hPa units, 8,000 to 12,095.</summary>
    public int BaroPressureSettingTenthsHectopascal;

    /// <summary>True when <see cref="Roll"/> is set (BDS 5,0).</summary>
    public bool HasRoll;

    /// <summary>Roll angle, signed binary angle (2^32 = 360 degrees), positive right wing down.</summary>
    public int Roll;

    /// <summary>True when <see cref="TrueTrack"/> is set (BDS 5,0).</summary>
    public bool HasTrueTrack;

    /// <summary>True track angle, binary angle.</summary>
    public uint TrueTrack;

    /// <summary>True when <see cref="TrackRateDegreesPerSecondQ5"/> is set (BDS 5,0).</summary>
    public bool HasTrackRate;

    /// <summary>Track angle rate, degrees per second in Q5 (1/32 deg/s units), ±16 deg/s.</summary>
    public int TrackRateDegreesPerSecondQ5;

    /// <summary>True when <see cref="TrueAirspeedKnots"/> is set (BDS 5,0).</summary>
    public bool HasTrueAirspeed;

    /// <summary>True airspeed, knots, 0 to 2,046.</summary>
    public int TrueAirspeedKnots;

    /// <summary>True when <see cref="MagneticHeading"/> is set (BDS 6,0).</summary>
    public bool HasMagneticHeading;

    /// <summary>Magnetic heading, binary angle.</summary>
    public uint MagneticHeading;

    /// <summary>True when <see cref="IndicatedAirspeedKnots"/> is set (BDS 6,0).</summary>
    public bool HasIndicatedAirspeed;

    /// <summary>Indicated airspeed, knots, 0 to 1,023.</summary>
    public int IndicatedAirspeedKnots;

    /// <summary>True when <see cref="MachThousandths"/> is set (BDS 6,0).</summary>
    public bool HasMach;

    /// <summary>Mach number × 1000, 0 to 4,092 (resolution 4).</summary>
    public int MachThousandths;

    /// <summary>True when <see cref="BaroVerticalRateFeetPerMinute"/> is set (BDS 6,0).</summary>
    public bool HasBaroVerticalRate;

    /// <summary>Barometric altitude rate, feet per minute, ±16,384.</summary>
    public int BaroVerticalRateFeetPerMinute;

    /// <summary>True when <see cref="InertialVerticalRateFeetPerMinute"/> is set (BDS 6,0).</summary>
    public bool HasInertialVerticalRate;

    /// <summary>Inertial vertical velocity, feet per minute, ±16,384.</summary>
    public int InertialVerticalRateFeetPerMinute;

    /// <summary>True when the ACAS resolution advisory fields are set (BDS 3,0 or ADS-B TC 28 subtype 2).</summary>
    public bool HasAcasResolutionAdvisory;

    /// <summary>ARA, active resolution advisories, 14 bits (Annex 10 Vol IV 4.3.8.4.2.2.1.1).</summary>
    public int AcasActiveAdvisories;

    /// <summary>RAC, resolution advisory complements record, 4 bits.</summary>
    public int AcasComplements;

    /// <summary>RAT: true when the advisory has terminated.</summary>
    public bool AcasTerminated;

    /// <summary>MTE: true when several threats are being resolved.</summary>
    public bool AcasMultipleThreats;

    /// <summary>TTI, threat type indicator: 0 none, 1 Mode S address, 2 range/bearing/altitude.</summary>
    public int AcasThreatType;

    /// <summary>The threat's ICAO address when <see cref="AcasThreatType"/> is 1.</summary>
    public uint AcasThreatAddress;

    /// <summary>True when the wind fields are set (BDS 4,4).</summary>
    public bool HasWind;

    /// <summary>Wind speed, knots, 0 to 511.</summary>
    public int WindSpeedKnots;

    /// <summary>Wind direction (from), binary angle.</summary>
    public uint WindDirection;

    /// <summary>True when <see cref="StaticAirTemperatureCelsiusQ2"/> is set (BDS 4,4).</summary>
    public bool HasStaticAirTemperature;

    /// <summary>Static air temperature, degrees Celsius in Q2 (0.25 °C units), ±128 °C.</summary>
    public int StaticAirTemperatureCelsiusQ2;
}
