namespace Picket.Gateway.Configuration;

/// <summary>A gateway setting is missing, malformed or unknown; the message names the key and the reason.</summary>
public sealed class GatewayConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message naming the key and the reason.</summary>
    /// <param name="message">The message.</param>
    public GatewayConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GatewayConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
