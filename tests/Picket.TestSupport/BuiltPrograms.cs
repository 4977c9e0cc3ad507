namespace Picket.Testing;

/// <summary>
/// The built <c>picket</c> and <c>picket-server</c> of this checkout, in the configuration the tests
/// were built in (the test project references both, so they are built first). Each runs as its own
/// process under <c>dotnet</c>, as installed on a mast and on the central server. A test project that
/// runs one references its project (with <c>ReferenceOutputAssembly="false"</c> where it needs only the build).
/// </summary>
public static class BuiltPrograms
{
    private static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>gateway/Picket.Cli's output: <c>picket.dll</c>.</summary>
    public static string Picket => Find(Path.Combine("gateway", "Picket.Cli"), "picket.dll");

    /// <summary>server/Picket.Server's output: <c>picket-server.dll</c>.</summary>
    public static string PicketServer => Find(Path.Combine("server", "Picket.Server"), "picket-server.dll");

    private static string Find(string project, string dll)
    {
        var path = RepositoryPaths.PathOf(Path.Combine(project, "bin", Configuration, "net10.0", dll));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; build {project} -c {Configuration} first.");
    }
}
