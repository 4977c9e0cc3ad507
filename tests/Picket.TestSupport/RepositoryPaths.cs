namespace Picket.Testing;

/// <summary>Paths inside this repository, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The checkout's root folder (the one holding <c>global.json</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>An absolute path below the repository root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && System.IO.Directory.Exists(Path.Combine(dir.FullName, "proto")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
