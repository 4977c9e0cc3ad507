using System.Runtime.InteropServices;
using Picket.Determinism;
using Picket.Testing;

namespace Picket.Tracking;

public class DeterminismTests
{
    [Fact]
    public void RunAndHash_TwoRunsInOneProcess_ProduceIdenticalHashes()
    {
        var first = new DeterminismScenario();
        var second = new DeterminismScenario();

        string firstHash = first.RunAndHash();
        string secondHash = second.RunAndHash();

        Assert.Equal(firstHash, secondHash);
        Assert.Equal(3 * (2 * 3600 - 1), first.RecordCount);

        // The cross-host half of the check: CI compares this file with the one the linux-arm64
        // build of tests/Picket.Determinism writes under qemu-aarch64-static.
        string architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string path = RepositoryPaths.PathOf(Path.Combine("artifacts", $"determinism-{architecture}.txt"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"{firstHash} {first.RecordCount} {architecture}\n");
    }
}
