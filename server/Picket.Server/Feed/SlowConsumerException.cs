namespace Picket.Server.Feed;

/// <summary>A feed subscriber fell more than <see cref="FeedHub.SubscriberQueueCapacity"/> events behind.</summary>
public sealed class SlowConsumerException : Exception
{
    /// <summary>Creates the exception with the standard message.</summary>
    public SlowConsumerException() : base($"The subscriber fell more than {FeedHub.SubscriberQueueCapacity} events behind and was disconnected.")
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
