namespace Picket.Gateway.Sources;

/// <summary>What a receiver's 48-bit frame timestamp counts (configured: the stream cannot say).</summary>
public enum BeastTimestampFormat
{
    /// <summary>A free-running 12 MHz counter (dump1090, readsb, most receivers): frames are timed by their arrival; the counter only orders frames for CPR pairing.</summary>
    TwelveMegahertz,

    /// <summary>Radarcape/GNSS time: bits 47-30 are seconds since UTC midnight, bits 29-0 nanoseconds; placed on the day by the gateway clock.</summary>
    GpsSecondsOfDay,
}
