using System.Diagnostics;

namespace Picket.Testing;

/// <summary>
/// A real small disk: a tmpfs of a few MiB mounted on a folder, that <see cref="Fill"/> fills to
/// the last byte (ENOSPC) and <see cref="Free"/> empties again. Mounting needs root
/// (<see cref="CanMount"/>); CI runs the tests as root. Disposing unmounts it (lazily, so a file a
/// test still holds open does not keep it mounted).
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const string FillerName = "filler";
    private bool _disposed;

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MiB on <paramref name="path"/> (created if missing).</summary>
    /// <param name="path">The mount point.</param>
    /// <param name="megabytes">The disk's size.</param>
    /// <exception cref="InvalidOperationException">mount failed.</exception>
    public SmallDisk(string path, int megabytes)
    {
        Directory.CreateDirectory(path);
        Run("mount", $"-t tmpfs -o size={megabytes}m tmpfs {path}");
        Path = path;
    }

    /// <summary>Whether this process may mount a tmpfs (it runs as root).</summary>
    public static bool CanMount => Environment.UserName == "root";

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>A path on the disk.</summary>
    /// <param name="name">The file's name.</param>
    /// <returns>The path.</returns>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a filler file until the disk has no room left.</summary>
    public void Fill()
    {
        var chunk = new byte[16 * 1024];
        try
        {
            using var stream = new FileStream(File(FillerName), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full, which is the point.
        }
    }

    /// <summary>Deletes the filler: the disk takes writes again.</summary>
    public void Free() => System.IO.File.Delete(File(FillerName));

    /// <summary>Unmounts the disk (once; a failure is not thrown from here).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        TryRun("umount", $"-l {Path}");
    }

    private static void Run(string command, string arguments)
    {
        if (!TryRun(command, arguments, out var error))
        {
            throw new InvalidOperationException($"{command} {arguments} failed: {error}");
        }
    }

    private static bool TryRun(string command, string arguments) => TryRun(command, arguments, out _);

    private static bool TryRun(string command, string arguments, out string error)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{command} could not be started");
        error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
