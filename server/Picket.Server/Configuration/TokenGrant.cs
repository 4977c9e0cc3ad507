using Picket.Server.Security;

namespace Picket.Server.Configuration;

/// <summary>One bearer token the server accepts, held as the SHA-256 hash of the token (never the token).</summary>
/// <param name="Identity">Gateway id or consumer name the token authenticates.</param>
/// <param name="Role">What the holder may do.</param>
/// <param name="Sha256">The token's SHA-256, 32 bytes.</param>
public sealed record TokenGrant(string Identity, CallerRole Role, byte[] Sha256);
