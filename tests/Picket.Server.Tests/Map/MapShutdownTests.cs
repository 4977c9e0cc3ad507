using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Picket.Server.Support;

namespace Picket.Server.Map;

/// <summary>An open map page does not hold the server's shutdown: its event stream ends cleanly when the server stops.</summary>
public sealed class MapShutdownTests
{
    [Fact]
    public async Task ServerStops_OpenEventStream_EndsCleanly()
    {
        var server = await KestrelHarness.StartPlainAsync(new Dictionary<string, string?> { ["Listen:Http1Port"] = "0", ["Management:Port"] = "off" });
        var http1 = server.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).Single(a => a != server.Address);
        using var client = new HttpClient { BaseAddress = http1, Timeout = Timeout.InfiniteTimeSpan };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await client.GetAsync(new Uri("/map/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("event: config", await reader.ReadLineAsync(timeout.Token));

        await server.DisposeAsync();

        // Kestrel resets a request still running when its shutdown timeout runs out (an
        // IOException here); the stream must instead have finished as a normal end of body.
        var rest = await reader.ReadToEndAsync(timeout.Token);
        Assert.Contains("event: ready", rest, StringComparison.Ordinal);
    }
}
