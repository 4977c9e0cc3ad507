using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Picket.Contract.V1;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Certificates;

/// <summary><c>picket-server certs</c> and <c>--dev</c>: credentials that a real server then accepts.</summary>
public sealed partial class CertsCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Issue_GatewayFromFleetCa_ChainsToCaWithIdentityAndRole()
    {
        Assert.Equal(0, Run("ca", "--out", _directory.Path));
        Assert.Equal(0, Run("issue", "--ca", _directory.Path, "--role", "gateway", "--name", "gw-42", "--out", _directory.Path));

        using var authority = X509CertificateLoader.LoadCertificateFromFile(_directory.File("ca.pem"));
        using var issued = X509Certificate2.CreateFromPemFile(_directory.File("gw-42.pem"), _directory.File("gw-42.key"));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        Assert.True(chain.Build(issued));
        Assert.Contains("CN=gw-42", issued.Subject, StringComparison.Ordinal);
        Assert.Contains("OU=gateway", issued.Subject, StringComparison.Ordinal);
        Assert.True(issued.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_directory.File("gw-42.key")));
        }
    }

    [Fact]
    public void Ca_ExistingCa_RefusedNotOverwritten()
    {
        Assert.Equal(0, Run("ca", "--out", _directory.Path));
        var before = File.ReadAllText(_directory.File("ca.pem"));

        Assert.Equal(1, Run("ca", "--out", _directory.Path));
        Assert.Equal(before, File.ReadAllText(_directory.File("ca.pem")));
    }

    [Theory]
    [InlineData("issue", "--ca", "x", "--role", "pilot", "--name", "gw-1")]
    [InlineData("issue", "--role", "gateway", "--name", "gw-1")]
    [InlineData("token", "--identity", "bad id")]
    [InlineData("revoke")]
    public void Run_BadCommandLine_ExitCode2(params string[] args) => Assert.Equal(2, Run(args));

    [Fact]
    public void Token_PrintsTokenAndItsSha256ForTheConfig()
    {
        using var output = new StringWriter();

        Assert.Equal(0, CertsCommand.Run(["token", "--identity", "board-3"], output, TextWriter.Null));

        var text = output.ToString();
        var token = TokenLine().Match(text).Groups[1].Value;
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.NotEmpty(token);
        Assert.Contains($"\"Sha256\": \"{expected}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Identity\": \"board-3\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMode_FirstRun_ServerAcceptsGeneratedGatewayCertificateOverMtls()
    {
        var devDirectory = _directory.File("dev");
        await using var app = ServerHost.Build(["--dev", devDirectory, "--Listen:Port", "0"]);
        await app.StartAsync();
        var address = app.Urls.First();
        using var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(devDirectory, "ca.pem"));
        using var gateway = X509Certificate2.CreateFromPemFile(Path.Combine(devDirectory, "dev-gateway.pem"), Path.Combine(devDirectory, "dev-gateway.key"));
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = [gateway];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate!));
        };
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(address, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });

        var ack = await new TrackIngest.TrackIngestClient(channel).PublishBatchAsync(TestBatches.Batch("dev-gateway", 1));
        await app.StopAsync();

        Assert.StartsWith("https://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Equal(1UL, ack.AckedSequence);
        Assert.True(File.Exists(Path.Combine(devDirectory, "picket.db")));
    }

    public void Dispose() => _directory.Dispose();

    private static int Run(params string[] args) => CertsCommand.Run(args, TextWriter.Null, TextWriter.Null);

    [GeneratedRegex(@"token \(give it to the board, it is not stored anywhere\): (\S+)")]
    private static partial Regex TokenLine();
}
