namespace Picket.Cli;

/// <summary>The command line is wrong: an unknown, missing or malformed option.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with a message naming the option and the reason.</summary>
    public UsageException(string message) : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public UsageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
