namespace Picket.Gateway.Uplink;

/// <summary>The ack watchdog gave up on a call: messages were in flight and no ack came in time.</summary>
public sealed class UplinkStalledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UplinkStalledException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UplinkStalledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public UplinkStalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
