namespace Picket.Simulation.Scenarios;

/// <summary>A scenario file is not valid; the message names the key and the reason.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException(string message) : base(message)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public ScenarioException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public ScenarioException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
