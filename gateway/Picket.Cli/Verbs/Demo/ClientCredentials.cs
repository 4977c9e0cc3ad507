namespace Picket.Cli.Verbs.Demo;

/// <summary>A client certificate issued by the dev fleet CA: its common name and its PEM files.</summary>
/// <param name="Name">The certificate's common name (for a gateway, the gateway id it may publish as).</param>
/// <param name="CertificatePath">The certificate, PEM.</param>
/// <param name="KeyPath">Its private key, PEM.</param>
internal sealed record ClientCredentials(string Name, string CertificatePath, string KeyPath);
