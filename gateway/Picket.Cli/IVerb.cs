namespace Picket.Cli;

/// <summary>One verb of the <c>picket</c> command.</summary>
public interface IVerb
{
    /// <summary>The word that selects the verb, e.g. <c>decode</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>picket --help</c>.</summary>
    string Summary { get; }

    /// <summary>The verb's usage text, shown after a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the verb and returns the process exit code.</summary>
    /// <exception cref="UsageException">An option is missing or malformed.</exception>
    /// <exception cref="InputException">The input cannot be read or is not valid.</exception>
    Task<int> RunAsync(ArgumentList options, VerbConsole console);
}
