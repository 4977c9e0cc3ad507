namespace Picket.Server.Security;

/// <summary>Who is calling, as proven by a client certificate or a bearer token.</summary>
/// <param name="Names">The names the credential vouches for (certificate CN and DNS SANs, or the token's identity).</param>
/// <param name="Role">What the credential allows.</param>
/// <param name="IsAnonymous">True on a loopback-only server with no credentials configured: everything is allowed.</param>
public sealed record CallerIdentity(IReadOnlyList<string> Names, CallerRole Role, bool IsAnonymous)
{
    /// <summary>The anonymous caller of an unauthenticated loopback server.</summary>
    public static CallerIdentity Anonymous { get; } = new([], CallerRole.Gateway, IsAnonymous: true);

    /// <summary>Whether this caller may act as gateway <paramref name="gatewayId"/>.</summary>
    public bool MayPublishAs(string gatewayId)
    {
        if (IsAnonymous)
        {
            return true;
        }

        if (Role != CallerRole.Gateway)
        {
            return false;
        }

        foreach (var name in Names)
        {
            if (string.Equals(name, gatewayId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The primary name for logs: the CN or token identity; never a secret.</summary>
    public string DisplayName => Names.Count > 0 ? Names[0] : "anonymous";
}
