using System.Globalization;
using System.Runtime.InteropServices;
using Picket.Determinism;

// Usage: Picket.Determinism [--output PATH]. Prints "<sha256> <records> <architecture>".
var scenario = new DeterminismScenario();
string hash = scenario.RunAndHash();
string line = string.Create(CultureInfo.InvariantCulture, $"{hash} {scenario.RecordCount} {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}");
Console.WriteLine(line);
if (args.Length == 2 && args[0] == "--output")
{
    File.WriteAllText(args[1], line + "\n");
}
else if (args.Length != 0)
{
    Console.Error.WriteLine("usage: Picket.Determinism [--output PATH]");
    return 2;
}

return 0;
