using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Map;

/// <summary>
/// Issue 11's browser test: Debian's Chromium (headless, driven by Microsoft.Playwright, never a
/// browser Playwright downloads) loads the live map from a real <c>picket demo</c> run (real
/// server process, real gateway parts, the consumer token from the demo's <c>map:</c> line) and
/// must show the seed story's non-cooperative tracks, their alerts as they happen and the tracks
/// highlighted. A screenshot is saved under TestResults/map/.
/// </summary>
public sealed partial class MapPageTests(ITestOutputHelper output)
{
    // Ten times real time: the first intruder enters about 36 s into the story and the last
    // leaves about 105 s in, leaving a slow browser start on a loaded machine time to connect.
    private const int Speed = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>Debian's Chromium (apt package <c>chromium</c>); <c>PICKET_CHROMIUM</c> may name another build.</summary>
    private static string ChromiumPath => Environment.GetEnvironmentVariable("PICKET_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task MapPage_DuringDemo_ShowsNonCooperativeTracksTheirAlertsAndHighlights()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium (as .ci/run does), or set PICKET_CHROMIUM.");
        var intruders = NonCooperativeTargetsOfTheSeedStory();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 860 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await using var demo = DemoProcess.Start("--speed", Speed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var address = await demo.MapAddressAsync(Patience);
        var loading = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync(address);
        await page.WaitForSelectorAsync("#status[data-state='live']", new PageWaitForSelectorOptions { Timeout = (float)Patience.TotalMilliseconds });
        output.WriteLine($"page live {loading.ElapsedMilliseconds} ms after navigation (map.js parsed, outlines drawn, feed connected)");

        // Every intruder's ENTER alert listed, with its track on the map (drawn non-cooperative) highlighted.
        await page.WaitForFunctionAsync(
            "n => new Set([...document.querySelectorAll('#alerts li[data-event=\"enter\"][data-cooperative=\"false\"]')].map(e => e.dataset.trackId)).size >= n",
            intruders.Count,
            new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds, PollingInterval = 250 });
        var alerted = await page.EvalOnSelectorAllAsync<string[]>("#alerts li[data-event='enter'][data-cooperative='false']", "items => items.map(e => e.dataset.trackId)");
        foreach (var trackId in alerted)
        {
            var marker = page.Locator($".track.non-cooperative[data-track-id='{trackId}']");
            await Assertions.Expect(marker).ToHaveCountAsync(1);
            await Assertions.Expect(marker).ToHaveAttributeAsync("data-alert", "true");
            await Assertions.Expect(marker).ToHaveAttributeAsync("aria-label", new Regex("^alerting non-cooperative track T" + trackId + ", "));
        }

        Assert.Equal(intruders.Count, alerted.Distinct().Count());
        Assert.True(await page.Locator(".track.cooperative").CountAsync() >= 1, "no cooperative track on the map");
        Assert.Equal(1, await page.Locator(".mast").CountAsync());
        Assert.True(await page.Locator("path.zone").CountAsync() >= 1, "the protected zone is not drawn");
        Assert.Equal(1, await page.Locator("path.coverage").CountAsync());
        Assert.True(await page.Locator("path.country").CountAsync() > 100, "the country outlines are not drawn");

        var screenshot = RepositoryPaths.PathOf(Path.Combine("TestResults", "map", "map-during-demo.png"));
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        output.WriteLine($"{await page.Locator(".track").CountAsync()} tracks on the map at the screenshot; saved {screenshot}");
        // Taken before the demo ends: then its server stops and the page's feed breaks, as it should.
        Assert.Empty(consoleErrors);

        // The page saw what the demo's own gRPC consumer saw: the same intruders' ENTER alerts.
        Assert.Equal(0, await demo.WaitForExitAsync(Patience));
        var printed = demo.Output.Select(line => IntruderEntry().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(printed.Order(), alerted.Order());
    }

    [Fact]
    public async Task MapPage_WithoutToken_SaysSignInRefused()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium (as .ci/run does), or set PICKET_CHROMIUM.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        var page = await browser.NewPageAsync();
        // A server that knows one consumer token; the page is opened without it.
        await using var server = await ServerProcess.StartAsync(["--Auth:Tokens:0:Identity", "wall-display", "--Auth:Tokens:0:Role", "consumer", "--Auth:Tokens:0:Sha256", new string('A', 64)], Patience);

        await page.GotoAsync(server.MapAddress.ToString());

        var status = page.Locator("#status[data-state='refused']");
        await Assertions.Expect(status).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(status).ToContainTextAsync("Sign-in refused (401)");
        Assert.Equal(0, await page.Locator(".track").CountAsync());
    }

    // The scenario's truth (its JSON, not the code under test): targets without a transponder.
    private static List<string> NonCooperativeTargetsOfTheSeedStory()
    {
        var path = RepositoryPaths.PathOf(Path.Combine("gateway", "Picket.Simulation", "Scenarios", "gulf-of-finland-incursion.json"));
        using var scenario = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var names = scenario.RootElement.GetProperty("targets").EnumerateArray()
            .Where(t => !(t.TryGetProperty("transponder", out var transponder) && transponder.GetBoolean()))
            .Select(t => t.GetProperty("name").GetString()!)
            .ToList();
        Assert.Equal(["bandit-1", "bandit-2", "bandit-3"], names);
        return names;
    }

    // The demo's summary line (stdout) for an intruder entering a zone: "  ALERT T+ 360.9 s ENTER <zone>: track 6, NON-COOPERATIVE (...)".
    [GeneratedRegex(@"^\s*ALERT T\+ *[0-9.]+ s ENTER .*: track ([0-9]+), NON-COOPERATIVE ")]
    private static partial Regex IntruderEntry();
}
