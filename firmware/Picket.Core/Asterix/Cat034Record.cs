namespace Picket.Asterix;

/// <summary>
/// One decoded CAT034 service message in wire units (CAT034 specification, Part 2b, section
/// 5.2). Optional items carry a <c>Has…</c> flag.
/// </summary>
public struct Cat034Record
{
    /// <summary>True when I034/010 is present.</summary>
    public bool HasDataSource;

    /// <summary>I034/010 SAC, 0 to 255.</summary>
    public int Sac;

    /// <summary>I034/010 SIC, 0 to 255.</summary>
    public int Sic;

    /// <summary>True when I034/000 is present.</summary>
    public bool HasMessageType;

    /// <summary>I034/000 message type (the raw octet when outside 1 to 7).</summary>
    public Cat034MessageType MessageType;

    /// <summary>True when I034/030 is present.</summary>
    public bool HasTimeOfDay;

    /// <summary>I034/030 time of day, 1/128 s since UTC midnight, 0 to 11,059,199.</summary>
    public int TimeOfDay128;

    /// <summary>True when I034/020 is present.</summary>
    public bool HasSectorNumber;

    /// <summary>I034/020 sector azimuth, 360/2^8 degree, 0 to 255.</summary>
    public int SectorNumber;

    /// <summary>True when I034/041 is present.</summary>
    public bool HasAntennaRotationPeriod;

    /// <summary>I034/041 antenna rotation period, 1/128 s, 0 to 65,535.</summary>
    public int AntennaRotationPeriod128;

    /// <summary>Subfields of I034/050 present: bit 0 COM, 3 PSR, 4 SSR, 5 MDS; 0 when the item is absent.</summary>
    public int SystemConfigurationPresent;

    /// <summary>I034/050 COM octet as sent (NOGO, RDPC, RDPR, OVL RDP, OVL XMT, MSC, TSV).</summary>
    public int SystemConfigurationCom;

    /// <summary>I034/050 PSR octet as sent.</summary>
    public int SystemConfigurationPsr;

    /// <summary>I034/050 SSR octet as sent.</summary>
    public int SystemConfigurationSsr;

    /// <summary>I034/050 MDS two octets as sent.</summary>
    public int SystemConfigurationMds;

    /// <summary>Subfields of I034/060 present: bit 0 COM, 3 PSR, 4 SSR, 5 MDS; 0 when the item is absent.</summary>
    public int ProcessingModePresent;

    /// <summary>I034/060 COM octet as sent.</summary>
    public int ProcessingModeCom;

    /// <summary>I034/060 PSR octet as sent.</summary>
    public int ProcessingModePsr;

    /// <summary>I034/060 SSR octet as sent.</summary>
    public int ProcessingModeSsr;

    /// <summary>I034/060 MDS octet as sent.</summary>
    public int ProcessingModeMds;

    /// <summary>True when I034/110 is present.</summary>
    public bool HasDataFilter;

    /// <summary>I034/110 data filter type, 0 to 255.</summary>
    public int DataFilter;

    /// <summary>True when I034/120 is present.</summary>
    public bool HasPosition;

    /// <summary>I034/120 height of the data source above the WGS 84 ellipsoid, metres, -32,768 to 32,767.</summary>
    public int HeightMetres;

    /// <summary>I034/120 latitude, 180/2^23 degree, 24-bit two's complement.</summary>
    public int Latitude23;

    /// <summary>I034/120 longitude, 180/2^23 degree, 24-bit two's complement.</summary>
    public int Longitude23;

    /// <summary>True when I034/090 is present.</summary>
    public bool HasCollimationError;

    /// <summary>I034/090 range error, 1/128 NM, -128 to 127.</summary>
    public int RangeError128;

    /// <summary>I034/090 azimuth error, 360/2^14 degree, -128 to 127.</summary>
    public int AzimuthError;

    /// <summary>True when I034/100 is present.</summary>
    public bool HasPolarWindow;

    /// <summary>I034/100 RHO start, 1/256 NM.</summary>
    public int RhoStart256;

    /// <summary>I034/100 RHO end, 1/256 NM.</summary>
    public int RhoEnd256;

    /// <summary>I034/100 THETA start, 360/2^16 degree.</summary>
    public int ThetaStart;

    /// <summary>I034/100 THETA end, 360/2^16 degree.</summary>
    public int ThetaEnd;
}
