namespace Picket.Gateway.Health;

/// <summary>Replaces a small file atomically: written beside it under a temporary name, then renamed over it.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
