namespace Picket.Gateway.Sources;

/// <summary>An input's bytes are not what its format says (a recording holds no frame of its kind, a pcap file is unreadable).</summary>
public sealed class InputFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the input.</param>
    public InputFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the input.</param>
    /// <param name="innerException">The cause.</param>
    public InputFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
