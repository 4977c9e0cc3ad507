namespace Picket.Server.Feed;

/// <summary>A feed subscriber fell more than its queue capacity behind and was cut off.</summary>
public sealed class SlowConsumerException : Exception
{
    /// <summary>Creates the exception for a queue of <paramref name="capacity"/> events.</summary>
    public SlowConsumerException(int capacity) : base($"The subscriber fell more than {capacity} events behind and was disconnected; resubscribe to get a fresh snapshot.")
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public SlowConsumerException() : base("The subscriber fell too far behind and was disconnected; resubscribe to get a fresh snapshot.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SlowConsumerException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SlowConsumerException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
