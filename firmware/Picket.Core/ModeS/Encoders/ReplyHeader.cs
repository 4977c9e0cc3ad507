namespace Picket.ModeS.Encoders;

/// <summary>The fields after DF in DF4/5/20/21 replies (ICAO Annex 10 Vol IV 3.1.2.6.5).</summary>
public struct ReplyHeader
{
    /// <summary>FS, flight status, 0 to 7 (0: airborne, no alert, no SPI).</summary>
    public int FlightStatus;

    /// <summary>DR, downlink request, 0 to 31.</summary>
    public int DownlinkRequest;

    /// <summary>UM, utility message, 0 to 63.</summary>
    public int UtilityMessage;
}
