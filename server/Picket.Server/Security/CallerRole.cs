namespace Picket.Server.Security;

/// <summary>What an authenticated caller may do. Gateways publish; consumers subscribe.</summary>
public enum CallerRole
{
    /// <summary>A gateway on a mast: may call TrackIngest as itself only.</summary>
    Gateway,

    /// <summary>A display, C2 system or recorder: may call TrackFeed.</summary>
    Consumer,
}
