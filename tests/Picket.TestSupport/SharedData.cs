namespace Picket.Testing;

/// <summary>
/// Locates the real captures in <c>../shared/data</c> beside the checkout. Tests read them in
/// place; they are never copied into the repository.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The absolute path of the shared data folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>The absolute path of a file below the shared data folder, e.g. <c>adsb/messages.jsonl</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared test data '{relativePath}' is missing under {Directory}.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PICKET_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        // Walk up from the test assembly until a sibling "shared/data" of the checkout appears.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "Cannot find ../shared/data beside the checkout; set PICKET_SHARED_DATA to its path.");
    }
}
