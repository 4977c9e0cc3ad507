using System.Diagnostics;
using System.Globalization;
using Picket.Fuzz;
using SharpFuzz;

// Picket.Fuzz TARGET                      one input on standard input, or afl++ persistent mode (run.sh)
// Picket.Fuzz TARGET --replay PATH...     runs each file (or each file of a directory): a crash's reproduction
// Picket.Fuzz TARGET --random SECONDS [SEED] [CORPUS_DIR]
//                                         NOT coverage-guided: an in-process random/mutation loop (fallback)
// Picket.Fuzz --self-test                 every reference frame decodes alone
// Picket.Fuzz --seeds DATA_DIR OUT_DIR    writes each target's seed corpus from ../shared/data
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine($"usage: Picket.Fuzz TARGET [--replay PATH... | --random SECONDS [SEED] [CORPUS_DIR]] | --self-test; targets: {string.Join(", ", FuzzTargets.Names)}");
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "--seeds" && args.Length == 3)
{
    Console.WriteLine($"{SeedCorpus.Write(args[1], args[2])} seeds written to {args[2]}");
    return 0;
}

if (args[0] == "--self-test")
{
    FuzzTargets.SelfTest();
    Console.WriteLine("self-test: every reference frame decoded alone");
    return 0;
}

var target = args[0];
if (Array.IndexOf(FuzzTargets.Names, target) < 0)
{
    Console.Error.WriteLine($"unknown target '{target}'; targets: {string.Join(", ", FuzzTargets.Names)}");
    return 2;
}

if (args.Length >= 2 && args[1] == "--replay")
{
    var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p) : [p]).Order(StringComparer.Ordinal).ToArray();
    foreach (var file in files)
    {
        FuzzTargets.Run(target, File.ReadAllBytes(file));
    }

    Console.WriteLine($"{target}: {files.Length} inputs replayed, no exception");
    return 0;
}

if (args.Length >= 3 && args[1] == "--random")
{
    return RandomLoop(target, int.Parse(args[2], CultureInfo.InvariantCulture), args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1, args.Length >= 5 ? args[4] : null);
}

Fuzzer.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    FuzzTargets.Run(target, memory.ToArray());
});
return 0;

// Random inputs and mutations of the corpus (flips, insertions, deletions, splices), in process.
static int RandomLoop(string target, int seconds, int seed, string? corpusDirectory)
{
    var random = new Random(seed);
    var corpus = corpusDirectory is null ? [] : Directory.GetFiles(corpusDirectory).Select(File.ReadAllBytes).ToArray();
    var clock = Stopwatch.StartNew();
    long executions = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        var input = corpus.Length > 0 && random.Next(4) != 0 ? Mutate(corpus[random.Next(corpus.Length)], random) : RandomBytes(random);
        try
        {
            FuzzTargets.Run(target, input);
        }
        catch (Exception exception)
        {
            var path = Path.Combine(Path.GetTempPath(), $"picket-fuzz-{target}-crash-{executions}.bin");
            File.WriteAllBytes(path, input);
            Console.Error.WriteLine($"{target}: finding after {executions} inputs, saved to {path}: {exception}");
            return 1;
        }

        executions++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target}: {executions} inputs in {clock.Elapsed.TotalSeconds:F0} s (random/mutation, not coverage-guided), 0 exceptions"));
    return 0;
}

static byte[] RandomBytes(Random random)
{
    var bytes = new byte[random.Next(0, 512)];
    random.NextBytes(bytes);
    return bytes;
}

static byte[] Mutate(byte[] seed, Random random)
{
    var start = seed.Length == 0 ? 0 : random.Next(seed.Length);
    var length = Math.Min(seed.Length - start, random.Next(1, 1024));
    var bytes = seed.AsSpan(start, length).ToArray().ToList();
    for (var n = random.Next(1, 8); n > 0; n--)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(4))
        {
            case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
            case 1: bytes.Insert(at, (byte)random.Next(256)); break;
            case 2 when bytes.Count > 0: bytes.RemoveAt(at); break;
            default: bytes.Add((byte)random.Next(256)); break;
        }
    }

    return [.. bytes];
}
