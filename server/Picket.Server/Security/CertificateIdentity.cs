using System.Security.Cryptography.X509Certificates;

namespace Picket.Server.Security;

/// <summary>
/// Reads the identity out of a fleet certificate: the subject CN and DNS SANs name the gateway
/// or consumer; the subject OU (<c>gateway</c> or <c>consumer</c>) gives the role.
/// </summary>
public static class CertificateIdentity
{
    /// <summary>Subject OU of gateway certificates.</summary>
    public const string GatewayUnit = "gateway";

    /// <summary>Subject OU of consumer certificates.</summary>
    public const string ConsumerUnit = "consumer";

    /// <summary>The caller a chain-validated certificate stands for, or null when it carries no role.</summary>
    public static CallerIdentity? Read(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        CallerRole? role = null;
        string? commonName = null;
        foreach (var part in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var oid = part.GetSingleElementType().Value;
            var value = part.GetSingleElementValue();
            if (oid == "2.5.4.11")
            {
                role = value switch
                {
                    GatewayUnit => CallerRole.Gateway,
                    ConsumerUnit => CallerRole.Consumer,
                    _ => role,
                };
            }
            else if (oid == "2.5.4.3")
            {
                commonName = value;
            }
        }

        if (role is null)
        {
            return null;
        }

        var names = new List<string>();
        if (!string.IsNullOrEmpty(commonName))
        {
            names.Add(commonName);
        }

        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
            }
        }

        return names.Count == 0 ? null : new CallerIdentity(names, role.Value, IsAnonymous: false);
    }
}
