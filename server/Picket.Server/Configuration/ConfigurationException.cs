namespace Picket.Server.Configuration;

/// <summary>A configuration value is missing or wrong; the message names the key and the reason.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/> (e.g. <c>Storage:Mode</c>).</summary>
    public ConfigurationException(string key, string reason) : base($"{key}: {reason}")
    {
        Key = key;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ConfigurationException() : base("Invalid configuration.")
    {
        Key = string.Empty;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ConfigurationException(string message) : base(message)
    {
        Key = string.Empty;
    }

    /// <summary>Creates the exception with a plain message and a cause.</summary>
    public ConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>The configuration key at fault, in <c>Section:Key</c> form.</summary>
    public string Key { get; }
}
