namespace Picket.Cli;

/// <summary>One verb of the <c>picket</c> command.</summary>
public interface IVerb
{
    /// <summary>The word that selects the verb, e.g. <c>decode</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>picket --help</c>.</summary>
    string Summary { get; }

    /// <summary>The verb's usage text, shown first by <c>picket VERB --help</c> and after a usage error.</summary>
    string Usage { get; }

    /// <summary>The options the verb accepts; System.CommandLine parses them and lists them in help.</summary>
    IReadOnlyList<VerbOption> Options { get; }

    /// <summary>True when the verb also takes free <c>--Section:Key VALUE</c> settings overrides (see <see cref="ArgumentList.Remaining"/>).</summary>
    bool TakesSettings { get; }

    /// <summary>Runs the verb and returns the process exit code.</summary>
    /// <exception cref="UsageException">An option is missing or malformed.</exception>
    /// <exception cref="InputException">The input cannot be read or is not valid.</exception>
    Task<int> RunAsync(ArgumentList options, VerbConsole console);
}
