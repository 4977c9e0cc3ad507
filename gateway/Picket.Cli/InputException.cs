namespace Picket.Cli;

/// <summary>The verb's input cannot be read or is not what the verb was told it is.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception with a message naming the input and the reason.</summary>
    public InputException(string message) : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public InputException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public InputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
