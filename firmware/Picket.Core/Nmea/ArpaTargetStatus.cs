namespace Picket.Nmea;

/// <summary>TTM/TLL target status field.</summary>
public enum ArpaTargetStatus
{
    /// <summary>Field empty or not a known letter.</summary>
    Unknown = 0,

    /// <summary>L: lost, tracked target has been lost.</summary>
    Lost,

    /// <summary>Q: query, target in the process of acquisition.</summary>
    Query,

    /// <summary>T: tracking.</summary>
    Tracking,
}
