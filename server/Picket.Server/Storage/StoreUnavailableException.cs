namespace Picket.Server.Storage;

/// <summary>The store cannot make batches durable (its database file was deleted or replaced); calls get Unavailable.</summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StoreUnavailableException() : base("Storage is unavailable.")
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public StoreUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
