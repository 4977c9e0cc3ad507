namespace Picket.Publishing;

/// <summary>Quality of the gateway's own position fix; the values are those of <c>picket.v1.FixType</c>.</summary>
public enum GatewayFixType
{
    /// <summary>Not reported.</summary>
    Unspecified = 0,

    /// <summary>No fix; the configured site position is used.</summary>
    None = 1,

    /// <summary>Two-dimensional GNSS fix.</summary>
    TwoDimensional = 2,

    /// <summary>Three-dimensional GNSS fix.</summary>
    ThreeDimensional = 3,

    /// <summary>Position from configuration (surveyed), not from a receiver.</summary>
    Surveyed = 4,
}
