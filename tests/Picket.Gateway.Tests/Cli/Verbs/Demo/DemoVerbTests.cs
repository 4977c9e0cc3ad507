using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Picket.Contract.V1;
using Picket.Testing;
using Xunit.Abstractions;

namespace Picket.Gateway.Cli.Verbs.Demo;

/// <summary>
/// <c>picket demo</c> as a real process (which starts picket-server, picket sim and picket run as
/// its own children): run to completion, judged from its output; while it runs, its server probed
/// from outside with .NET's own TLS, gRPC and HTTP clients (mTLS with the dev CA, no anonymous
/// caller, the map's address as printed); and interrupted with SIGINT, after which no child process
/// and no temporary folder may remain.
/// </summary>
public sealed partial class DemoVerbTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_Speed20_EveryIntruderAlertedNoFalseAlertEveryAckedBatchStored()
    {
        using var temp = new TempDirectory();
        using var demo = StartPicket(temp.Path, "demo", "--speed", "20");
        var exited = await demo.WaitForExitAsync(TimeSpan.FromMinutes(10));
        var stdout = demo.StandardOutput;
        var stderr = demo.StandardError;
        output.WriteLine(stdout);
        Assert.True(exited, "picket demo --speed 20 did not finish within 10 minutes: " + stderr);
        Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}:\n{stdout}\n{stderr}");

        // The map's address, for the browser test: early on stderr, exactly this shape.
        Assert.Matches(MapLine(), stderr);

        // All three incursions of the seed story alerted, no false alert.
        Assert.Contains("result: 3 of 3 non-cooperative incursions alerted; 0 false alerts", stdout, StringComparison.Ordinal);
        foreach (var bandit in new[] { "bandit-1", "bandit-2", "bandit-3" })
        {
            Assert.Matches(new Regex($@"{bandit} \(non-cooperative\) entered .* alerted at T\+[0-9.]+ s"), stdout);
        }

        // The server holds every batch the gateway saw acked, and the gateway saw every committed batch acked.
        var delivery = DeliveryLine().Match(stdout);
        Assert.True(delivery.Success, "no delivery line in:\n" + stdout);
        var committed = long.Parse(delivery.Groups["committed"].Value, CultureInfo.InvariantCulture);
        var acked = long.Parse(delivery.Groups["acked"].Value, CultureInfo.InvariantCulture);
        var stored = long.Parse(delivery.Groups["stored"].Value, CultureInfo.InvariantCulture);
        Assert.True(committed > 0);
        Assert.Equal(committed, acked);
        Assert.Equal(acked, stored);
        Assert.Equal("0", delivery.Groups["missing"].Value);
        Assert.Equal("0", delivery.Groups["refused"].Value);
        Assert.Contains("verdict: PASS", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(temp.Path, "picket-demo-*"));
    }

    [Fact]
    public async Task Demo_Sigint_StopsEveryChildProcessAndRemovesItsFolder()
    {
        using var temp = new TempDirectory();
        using var demo = StartPicket(temp.Path, "demo");
        Assert.True(await demo.WaitForErrorLineAsync(line => line.Contains("picket run (pid", StringComparison.Ordinal), TimeSpan.FromMinutes(3)) is not null, "the demo did not start its processes: " + demo.StandardError);

        // Let the story begin, so that every part is busy when the interrupt comes.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var children = Descendants(demo.Id);
        output.WriteLine($"demo pid {demo.Id}; descendants: {string.Join(", ", children.Select(c => $"{c} ({CommandLine(c)})"))}");
        Assert.True(children.Count >= 3, "expected picket-server, picket sim and picket run under the demo: " + string.Join(", ", children));
        Assert.Single(Directory.EnumerateDirectories(temp.Path, "picket-demo-*"));

        demo.Signal("INT");
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(2)), "picket demo did not exit within 2 minutes of SIGINT: " + demo.StandardError);
        output.WriteLine($"exit {demo.ExitCode}; stderr tail: {demo.StandardError[Math.Max(0, demo.StandardError.Length - 400)..]}");
        Assert.NotEqual(0, demo.ExitCode);
        var alive = children.Where(pid => Directory.Exists($"/proc/{pid}") && !IsZombie(pid)).ToList();
        Assert.True(alive.Count == 0, "still running after the demo's exit: " + string.Join(", ", alive.Select(p => $"{p} ({CommandLine(p)})")));
        Assert.Empty(Directory.EnumerateDirectories(temp.Path, "picket-demo-*"));
    }

    [Fact]
    public async Task Demo_WhileRunning_ServerSpeaksMtlsWithTheDevCertificatesAndTheMapOpensAsPrinted()
    {
        using var temp = new TempDirectory();
        using var demo = StartPicket(temp.Path, "demo");
        Assert.True(await demo.WaitForErrorLineAsync(line => line.Contains("picket run (pid", StringComparison.Ordinal), TimeSpan.FromMinutes(3)) is not null, "the demo did not start its processes: " + demo.StandardError);
        var stderr = demo.StandardError;
        output.WriteLine(stderr);
        var started = ServerLine().Match(stderr);
        Assert.True(started.Success, "no server line in:\n" + stderr);
        var port = int.Parse(started.Groups["port"].Value, CultureInfo.InvariantCulture);
        var dev = started.Groups["dev"].Value;
        var caPath = Path.Combine(dev, "ca.pem");
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));

        // The gateway's generated settings: its own certificate and key, the dev CA as the server's root, no token.
        var settingsPath = SettingsLine().Match(stderr).Groups["path"].Value;
        using (var settings = JsonDocument.Parse(File.ReadAllText(settingsPath)))
        {
            var uplink = settings.RootElement.GetProperty("Uplink");
            Assert.Equal($"https://127.0.0.1:{port}/", uplink.GetProperty("Address").GetString());
            Assert.Equal(Path.Combine(dev, "dev-gateway.pem"), uplink.GetProperty("CertificatePath").GetString());
            Assert.Equal(Path.Combine(dev, "dev-gateway.key"), uplink.GetProperty("KeyPath").GetString());
            Assert.Equal(caPath, uplink.GetProperty("CaPath").GetString());
            Assert.False(uplink.TryGetProperty("Token", out _));
            Assert.Equal("dev-gateway", settings.RootElement.GetProperty("Gateway").GetProperty("Id").GetString());
        }

        // TLS on the server's port, with a certificate for localhost that chains to the dev CA.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            await using var tls = new SslStream(tcp.GetStream());
            var verdict = "no certificate";
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                {
                    using var certificate = presented is null ? null : new X509Certificate2(presented);
                    verdict = certificate is null ? "no certificate" : $"{certificate.Subject} (issuer {certificate.Issuer}): chains to ca.pem {ChainsTo(ca, certificate)}, name errors {errors & SslPolicyErrors.RemoteCertificateNameMismatch}";
                    return certificate is not null && ChainsTo(ca, certificate) && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
                },
            });
            output.WriteLine("server certificate: " + verdict);
            Assert.True(tls.IsAuthenticated, verdict);
        }

        // The feed: anonymous callers refused, the dev consumer's certificate accepted.
        Assert.Equal(StatusCode.Unauthenticated, await SubscribeAsync(port, ca, null));
        using (var consumer = X509Certificate2.CreateFromPemFile(Path.Combine(dev, "dev-consumer.pem"), Path.Combine(dev, "dev-consumer.key")))
        {
            Assert.Equal(StatusCode.OK, await SubscribeAsync(port, ca, consumer));
        }

        // The map's address opens as printed (plain HTTP/1.1 on loopback); its feed needs the token.
        var map = MapLine().Match(stderr);
        Assert.True(map.Success, "no map line in:\n" + stderr);
        var address = new Uri(map.Value["map: ".Length..].Trim());
        var token = address.Fragment["#token=".Length..];
        Assert.Equal(File.ReadAllText(Path.Combine(dev, "dev-map.token")).Trim(), token);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        using (var page = await http.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }

        var events = new Uri(address, "events");
        using (var anonymous = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, events) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } })
        using (var signedIn = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Equal("text/event-stream", signedIn.Content.Headers.ContentType?.MediaType);
        }

        demo.Signal("INT");
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(2)), "picket demo did not exit within 2 minutes of SIGINT: " + demo.StandardError);
        Assert.False(Directory.Exists(dev), "the dev certificates' folder outlived the demo");
    }

    /// <summary>Subscribes to the feed over TLS trusting <paramref name="ca"/>, with <paramref name="certificate"/> or none; OK once the first event arrives.</summary>
    private static async Task<StatusCode> SubscribeAsync(int port, X509Certificate2 ca, X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
        {
            using var certificate = presented is null ? null : new X509Certificate2(presented);
            return certificate is not null && ChainsTo(ca, certificate) && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
        };
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            using var call = new TrackFeed.TrackFeedClient(channel).Subscribe(new SubscribeRequest(), cancellationToken: timeout.Token);
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the feed ended without an event");
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static bool ChainsTo(X509Certificate2 root, X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    [GeneratedRegex(@"picket-server \(pid [0-9]+\) on https://127\.0\.0\.1:(?<port>[0-9]+)/ \(mTLS, dev certificates in (?<dev>[^)]+)\)")]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"picket run \(pid [0-9]+\) reads them with (?<path>\S+appsettings\.json)")]
    private static partial Regex SettingsLine();

    [GeneratedRegex(@"^map: http://127\.0\.0\.1:[0-9]+/map/#token=[A-Za-z0-9_-]+$", RegexOptions.Multiline)]
    private static partial Regex MapLine();

    [GeneratedRegex(@"delivery: outbox committed (?<committed>[0-9]+) batches, the server acked (?<acked>[0-9]+) .*the server's store holds (?<stored>[0-9]+) batches.*acked but missing from the store: (?<missing>[0-9]+).*refused: (?<refused>[0-9]+)")]
    private static partial Regex DeliveryLine();

    /// <summary>Every process below <paramref name="pid"/> (from /proc/PID/task/*/children).</summary>
    private static List<int> Descendants(int pid)
    {
        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.Count > 0)
        {
            var parent = pending.Dequeue();
            foreach (var task in Directory.Exists($"/proc/{parent}/task") ? Directory.EnumerateDirectories($"/proc/{parent}/task") : [])
            {
                string text;
                try
                {
                    text = File.ReadAllText(Path.Combine(task, "children"));
                }
                catch (IOException)
                {
                    continue;
                }

                foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)))
                {
                    if (!found.Contains(child))
                    {
                        found.Add(child);
                        pending.Enqueue(child);
                    }
                }
            }
        }

        return found;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The built <c>picket</c> under <c>dotnet</c> with its own temporary folder (TMPDIR), its output kept.</summary>
    private static ChildProcess StartPicket(string temporaryDirectory, params string[] arguments) =>
        ChildProcess.Start(BuiltPrograms.Picket, arguments, environment: new Dictionary<string, string> { ["TMPDIR"] = temporaryDirectory }, keepOutput: true);
}
