using System.Runtime.InteropServices;

namespace Picket.Gateway.Time;

/// <summary>
/// The kernel's own view, read with <c>adjtimex(2)</c> in read-only mode (modes = 0, no privilege
/// needed): the call returns <c>TIME_ERROR</c> (5) while the STA_UNSYNC status bit is set. Chosen
/// over <c>/run/systemd/timesync/synchronized</c> because every NTP client on a Pi (systemd-timesyncd,
/// chrony, ntpd) clears that bit when it disciplines the clock, while the file exists only with
/// timesyncd; and over <c>timedatectl</c>, which needs D-Bus and a child process.
/// </summary>
public sealed partial class KernelNtpStatusProbe : INtpStatusProbe
{
    private const int TimeError = 5;

    // struct timex is 208 bytes on 64-bit glibc (modes first, then the status fields); a larger,
    // zeroed buffer keeps modes = 0 (read only) on any ABI.
    private const int TimexBufferBytes = 512;

    /// <inheritdoc />
    public bool IsSynchronized()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var buffer = new byte[TimexBufferBytes];
            var state = Adjtimex(buffer);
            return state >= 0 && state != TimeError;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Adjtimex([In, Out] byte[] timex);
}
