using Picket.Cli.Verbs.Decode;

namespace Picket.Cli;

/// <summary>The standard streams a verb reads and writes, injectable for in-process tests.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output: the verb's data.</param>
/// <param name="Error">Standard error: diagnostics and summaries.</param>
public sealed record VerbConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Standard output as bytes: the process's own stream, or a UTF-8 bridge to <see cref="Out"/> in tests.</summary>
    public Stream OpenOutputStream() => ReferenceEquals(Out, Console.Out) ? Console.OpenStandardOutput() : new TextWriterStream(Out);

    /// <summary>Standard input as bytes (binary formats read it with <c>--input -</c>); in tests, <see cref="In"/>'s text as UTF-8.</summary>
    public Stream OpenInputStream() =>
        ReferenceEquals(In, Console.In) ? Console.OpenStandardInput() : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(In.ReadToEnd()));
}
