using System.Diagnostics;

namespace Picket.Tools;

/// <summary>
/// Two linked pseudo-terminals made by <c>socat</c> (Debian package <c>socat</c>): what is
/// written to one comes out of the other, through the kernel's tty layer in raw mode, like a
/// serial cable between two ports.
/// </summary>
internal sealed class PseudoTerminalPair : IDisposable
{
    public const string MissingMessage = "socat not installed (Debian: apt-get install -y socat); the serial path cannot be exercised here";

    private readonly Process _socat;
    private readonly DirectoryInfo _directory;

    private PseudoTerminalPair(Process socat, DirectoryInfo directory, string first, string second)
    {
        _socat = socat;
        _directory = directory;
        FirstPath = first;
        SecondPath = second;
    }

    public static bool IsAvailable { get; } = File.Exists("/usr/bin/socat") || File.Exists("/bin/socat");

    public string FirstPath { get; }

    public string SecondPath { get; }

    public static PseudoTerminalPair Start()
    {
        var directory = Directory.CreateTempSubdirectory("picket-pty-");
        var first = Path.Combine(directory.FullName, "radar");
        var second = Path.Combine(directory.FullName, "gateway");
        var start = new ProcessStartInfo(File.Exists("/usr/bin/socat") ? "/usr/bin/socat" : "/bin/socat")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"pty,raw,echo=0,link={first}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={second}");
        var socat = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists(first) && File.Exists(second)))
        {
            Assert.True(DateTime.UtcNow < deadline && !socat.HasExited, "socat did not create its pseudo-terminals");
            Thread.Sleep(20);
        }

        return new PseudoTerminalPair(socat, directory, first, second);
    }

    public void Dispose()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit();
        }

        _socat.Dispose();
        _directory.Delete(recursive: true);
    }
}
