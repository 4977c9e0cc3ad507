namespace Picket.Gateway.Inputs;

/// <summary>An input cannot be opened or connected now (a device not present, a refused connection); the reader retries with backoff.</summary>
public sealed class InputUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the device or endpoint.</param>
    public InputUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the device or endpoint.</param>
    /// <param name="innerException">The cause.</param>
    public InputUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
