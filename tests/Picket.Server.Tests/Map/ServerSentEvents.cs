using System.Text.Json;

namespace Picket.Server.Map;

/// <summary>
/// A test-side reader of text/event-stream (HTML Living Standard §9.2.6), written from the
/// specification: blocks end with a blank line, <c>event:</c> names the type, <c>data:</c>
/// lines carry the payload, lines starting with ':' are comments.
/// </summary>
internal sealed class ServerSentEvents(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public async Task<(string Type, JsonElement Data)> ReadAsync(CancellationToken cancellationToken)
    {
        var type = "message";
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (type, JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone());
                }

                type = "message";
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                type = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
