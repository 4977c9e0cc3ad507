namespace Picket.Gateway.Uplink;

/// <summary>Where and as whom the gateway publishes.</summary>
public sealed class UplinkOptions
{
    /// <summary>The server's address, e.g. <c>https://picket.example:5001</c>.</summary>
    public Uri? ServerAddress { get; set; }

    /// <summary>This gateway's id; must match its credentials on the server.</summary>
    public string GatewayId { get; set; } = "";

    /// <summary>Human-readable site name sent in the hello.</summary>
    public string SiteName { get; set; } = "";
}
