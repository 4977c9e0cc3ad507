using System.Diagnostics;

namespace Picket.Gateway.Inputs;

/// <summary>
/// Two linked pseudo-terminals made by a real <c>socat</c> at fixed link paths, which can be
/// killed (an unplugged USB adapter) and started again on the same paths (plugged back in).
/// </summary>
internal sealed class SocatLink : IDisposable
{
    public const string MissingMessage = "socat not installed (Debian: apt-get install -y socat); the serial path cannot be exercised here";

    private readonly DirectoryInfo _directory;
    private Process? _socat;

    public SocatLink()
    {
        _directory = Directory.CreateTempSubdirectory("picket-inputs-");
        DevicePath = Path.Combine(_directory.FullName, "ttyUSB0");
        SenderPath = Path.Combine(_directory.FullName, "receiver");
        Plug();
    }

    public static bool IsAvailable { get; } = File.Exists("/usr/bin/socat") || File.Exists("/bin/socat");

    /// <summary>The gateway's side (what the input spec names).</summary>
    public string DevicePath { get; }

    /// <summary>The receiver's side (the test writes here).</summary>
    public string SenderPath { get; }

    /// <summary>Starts socat and waits until both links exist.</summary>
    public void Plug()
    {
        // A killed socat leaves dangling links behind: remove them as udev would.
        File.Delete(DevicePath);
        File.Delete(SenderPath);
        var start = new ProcessStartInfo(File.Exists("/usr/bin/socat") ? "/usr/bin/socat" : "/bin/socat") { UseShellExecute = false };
        start.ArgumentList.Add($"pty,raw,echo=0,link={SenderPath}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={DevicePath}");
        _socat = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(File.Exists(DevicePath) && File.Exists(SenderPath)))
        {
            Assert.True(DateTime.UtcNow < deadline && !_socat.HasExited, "socat did not create its pseudo-terminals");
            Thread.Sleep(10);
        }
    }

    /// <summary>Kills socat (SIGKILL): both pseudo-terminals vanish at once, like a pulled USB plug.</summary>
    public void Unplug()
    {
        if (_socat is null)
        {
            return;
        }

        if (!_socat.HasExited)
        {
            _socat.Kill();

            // Bounded: once in a .ci/run on a 2-core VM (kernel 6.18), socat killed while exiting with a write blocked
            // on its other pseudo-terminal spun in the kernel with SIGKILL pending until the
            // writer's process died, and an unbounded wait hung the whole test run.
            if (!_socat.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException($"socat (pid {_socat.Id}) did not exit within 30 s of SIGKILL: a write to {SenderPath} is probably blocked on it");
            }
        }

        _socat.Dispose();
        _socat = null;

        // The device node goes with the adapter, as udev removes its links at once. A dangling
        // link left until the replug pointed at a /dev/pts number the kernel hands to the next
        // pseudo-terminal opened, possibly another test's running in parallel: the reader could
        // open that one while "unplugged", which cut its measured gap short (750 ms for a 1.5 s
        // unplug, once in CI).
        File.Delete(DevicePath);
        File.Delete(SenderPath);
    }

    public void Dispose()
    {
        Unplug();
        _directory.Delete(recursive: true);
    }
}
