using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Grpc.Core;
using Picket.Server.Configuration;
using Picket.Server.Metrics;

namespace Picket.Server.Security;

/// <summary>
/// Authenticates a gRPC call from its TLS client certificate (issued by the fleet CA; identity
/// = CN or a DNS SAN, role = OU <c>gateway</c> or <c>consumer</c>) or from an
/// <c>authorization: Bearer</c> token (looked up by SHA-256; the server never holds the token).
/// Unknown credentials are refused with Unauthenticated, revoked ones and wrong roles with
/// PermissionDenied. Neither tokens nor their hashes are ever logged or echoed.
/// </summary>
public sealed class CallerAuthenticator
{
    private readonly ServerSettings _settings;
    private readonly X509Certificate2? _fleetCa;
    private readonly Dictionary<string, TokenGrant> _tokensByHash = new(StringComparer.Ordinal);
    private readonly ServerMetrics _metrics;
    private readonly ILogger<CallerAuthenticator> _logger;

    /// <summary>Loads the fleet CA and the token table.</summary>
    public CallerAuthenticator(ServerSettings settings, ServerMetrics metrics, ILogger<CallerAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _metrics = metrics;
        _logger = logger;
        if (settings.ClientCaPath is not null)
        {
            try
            {
                _fleetCa = X509Certificate2.CreateFromPem(File.ReadAllText(settings.ClientCaPath));
            }
            catch (CryptographicException e)
            {
                throw new ConfigurationException("Tls:ClientCaPath", "is not a PEM certificate: " + e.Message);
            }
        }

        foreach (var grant in settings.Tokens)
        {
            _tokensByHash[Convert.ToHexString(grant.Sha256)] = grant;
        }
    }

    /// <summary>
    /// The caller of a gRPC call with <paramref name="role"/>: the identity
    /// <see cref="GrpcAuthenticationMiddleware"/> established before the request body was read,
    /// or, where that middleware does not run, authenticated now.
    /// </summary>
    /// <exception cref="RpcException">Unauthenticated or PermissionDenied.</exception>
    public CallerIdentity Authenticate(ServerCallContext context, CallerRole role)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        return http.Features.Get<CallerIdentity>() is { } known && known.Role == role ? known : Authenticate(http, role);
    }

    /// <summary>Authenticates the caller of an HTTP request from its headers and TLS connection alone, and checks it has <paramref name="role"/>.</summary>
    /// <exception cref="RpcException">Unauthenticated or PermissionDenied.</exception>
    public CallerIdentity Authenticate(HttpContext context, CallerRole role)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_settings.AllowAnonymous)
        {
            return CallerIdentity.Anonymous with { Role = role };
        }

        var caller = FromCertificate(context.Connection.ClientCertificate) ?? FromToken(context.Request.Headers.Authorization);
        if (caller is null)
        {
            throw Refuse(StatusCode.Unauthenticated, "No valid client certificate or bearer token.", "none");
        }

        foreach (var name in caller.Names)
        {
            if (_settings.RevokedIdentities.Contains(name))
            {
                throw Refuse(StatusCode.PermissionDenied, $"The credential of '{name}' is revoked.", name);
            }
        }

        if (caller.Role != role)
        {
            throw Refuse(StatusCode.PermissionDenied, $"'{caller.DisplayName}' is a {caller.Role.ToString().ToUpperInvariant()} credential; this call needs {role.ToString().ToUpperInvariant()}.", caller.DisplayName);
        }

        return caller;
    }

    /// <summary>Refuses a call made with valid credentials for an action they do not allow.</summary>
    public RpcException Refuse(StatusCode code, string detail, string who)
    {
        _metrics.AuthFailure();
        Log.CallerRefused(_logger, who, code);
        return new RpcException(new Status(code, detail));
    }

    private CallerIdentity? FromCertificate(X509Certificate2? certificate)
    {
        if (certificate is null || _fleetCa is null)
        {
            return null;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_fleetCa);
        // Revocation is by configured serial or identity (Auth:Revoked*): a mast on a border has
        // no reliable path to a CRL or OCSP responder.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = DateTime.Now;
        if (!chain.Build(certificate))
        {
            return null;
        }

        if (_settings.RevokedSerials.Contains(certificate.SerialNumber))
        {
            var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            throw Refuse(StatusCode.PermissionDenied, $"The certificate of '{name}' is revoked.", name);
        }

        return CertificateIdentity.Read(certificate);
    }

    private CallerIdentity? FromToken(string? authorization)
    {
        // Also null for a repeated header: one credential per call.
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || _tokensByHash.Count == 0)
        {
            return null;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim())));
        return _tokensByHash.TryGetValue(hash, out var grant) ? new CallerIdentity([grant.Identity], grant.Role, IsAnonymous: false) : null;
    }
}
