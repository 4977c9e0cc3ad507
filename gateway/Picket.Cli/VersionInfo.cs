using System.Reflection;

namespace Picket.Cli;

/// <summary>The software version reported by <c>picket --version</c> and in gateway health.</summary>
public static class VersionInfo
{
    /// <summary>The informational version of the <c>picket</c> assembly.</summary>
    public static string Text { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
