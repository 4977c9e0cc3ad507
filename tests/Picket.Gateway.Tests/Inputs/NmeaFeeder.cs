using System.Text;

namespace Picket.Gateway.Inputs;

/// <summary>A GNSS receiver on the sender side of a <see cref="SocatLink"/>: writes <see cref="Sentences"/> every 200 ms until disposed.</summary>
internal sealed class NmeaFeeder : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;
    private volatile string _sentences;

    public NmeaFeeder(string senderPath, string sentences)
    {
        _sentences = sentences;
        _task = Task.Run(async () =>
        {
            await using var stream = new FileStream(senderPath, FileMode.Open, FileAccess.Write);
            while (!_stop.IsCancellationRequested)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(_sentences));
                await stream.FlushAsync();
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    /// <summary>What the receiver sends each cycle.</summary>
    public string Sentences
    {
        get => _sentences;
        set => _sentences = value;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _task.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The pty went away first: the feeder is done either way.
        }

        _stop.Dispose();
    }
}
