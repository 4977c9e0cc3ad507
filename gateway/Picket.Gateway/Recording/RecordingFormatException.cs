namespace Picket.Gateway.Recording;

/// <summary>The file is not a Picket recording, or its header is damaged or of an unknown version.</summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the file's problem.</summary>
    public RecordingFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public RecordingFormatException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public RecordingFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
