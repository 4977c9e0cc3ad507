using System.Globalization;
using System.Runtime.InteropServices;

namespace Picket.Server.Storage.Sqlite;

/// <summary>
/// A file's device and inode, read with Linux <c>statx(2)</c> (whose <c>struct statx</c> has
/// the same layout on every architecture, unlike <c>struct stat</c>). Comparing the identity
/// taken when the database was opened with the path's identity now tells whether the file the
/// server writes is still the one a restart would read: an unlinked or replaced database keeps
/// taking writes that no later process will ever see (issue 12, probe 3).
/// </summary>
internal readonly record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode)
{
    // statx(2): AT_FDCWD resolves relative paths from the working directory; STATX_INO asks for
    // the inode (the device numbers are always filled).
    private const int AtFdCwd = -100;
    private const uint StatxInode = 0x100;

    // Offsets in struct statx (linux/stat.h): stx_ino at 32, stx_dev_major at 136, stx_dev_minor at 140; 256 bytes in all.
    private const int StatxSize = 256;
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    /// <summary>Reads the identity of <paramref name="path"/>; false when it does not exist (or statx is unavailable).</summary>
    public static bool TryRead(string path, out FileIdentity identity)
    {
        identity = default;
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        var buffer = new byte[StatxSize];
        try
        {
            if (NativeMethods.statx(AtFdCwd, path, 0, StatxInode, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.28: existence is all that can be checked.
            return File.Exists(path);
        }

        identity = new FileIdentity(
            BitConverter.ToUInt32(buffer, DeviceMajorOffset),
            BitConverter.ToUInt32(buffer, DeviceMinorOffset),
            BitConverter.ToUInt64(buffer, InodeOffset));
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"device {DeviceMajor}:{DeviceMinor} inode {Inode}");

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport's generated marshalling needs unsafe code; one blittable call does not.
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
    }
}
