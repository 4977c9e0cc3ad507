namespace Picket.Gateway.Zones;

/// <summary>A zones file is not valid; the message names the feature and the reason.</summary>
public sealed class ZoneFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZoneFileException(string message) : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public ZoneFileException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public ZoneFileException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
