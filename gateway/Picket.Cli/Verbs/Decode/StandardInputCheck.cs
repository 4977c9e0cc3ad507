namespace Picket.Cli.Verbs.Decode;

/// <summary>
/// Tells a closed standard input (<c>picket ... --input - &lt;&amp;-</c>) from a real one. With
/// descriptor 0 closed at start, the runtime's first pipe takes descriptor 0: reading it waits
/// for ever, because the process itself holds the pipe's write end. On Linux that is visible in
/// <c>/proc/self/fd</c>: descriptor 0 is a pipe another descriptor of this process also names.
/// </summary>
internal static class StandardInputCheck
{
    /// <summary>True when standard input is a pipe this process holds both ends of (descriptor 0 was closed when it started).</summary>
    public static bool IsOwnPipe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null || !target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                // Our own pipe: this process also holds the pipe's WRITE end (the runtime's pipe put on a
                // closed descriptor 0). A pipe from another process (`echo … | picket`) may also be open
                // here read-only (a duplicate of 0), and must not count.
                var name = Path.GetFileName(descriptor);
                if (name != "0" && new FileInfo(descriptor).LinkTarget == target && IsWriteOnly(name))
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }

    /// <summary>True when descriptor <paramref name="descriptor"/> was opened write-only (O_WRONLY in /proc/self/fdinfo's octal flags).</summary>
    private static bool IsWriteOnly(string descriptor)
    {
        foreach (var line in File.ReadLines("/proc/self/fdinfo/" + descriptor))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                var octal = line["flags:".Length..].Trim();
                return octal.Length > 0 && (octal[^1] - '0' & 3) == 1;
            }
        }

        return false;
    }
}
