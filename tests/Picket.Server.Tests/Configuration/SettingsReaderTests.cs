using Microsoft.Extensions.Configuration;
using Picket.Server.Support;
using Picket.Testing;

namespace Picket.Server.Configuration;

/// <summary>Bad configuration is refused with a message naming the key and the reason.</summary>
public sealed class SettingsReaderTests
{
    [Fact]
    public void Read_Empty_LoopbackSqliteAnonymous()
    {
        var settings = ServerSettings.Read(Configuration([]));

        Assert.True(System.Net.IPAddress.IsLoopback(settings.ListenAddress));
        Assert.Equal(StorageMode.Sqlite, settings.StorageMode);
        Assert.True(settings.AllowAnonymous);
        Assert.False(settings.TlsEnabled);
    }

    [Fact]
    public void Read_RoutableAddressWithoutTls_NamesTlsCertificatePath()
    {
        var error = Assert.Throws<ConfigurationException>(() => ServerSettings.Read(Configuration(new() { ["Listen:Address"] = "0.0.0.0" })));

        Assert.Equal("Tls:CertificatePath", error.Key);
        Assert.Contains("not a loopback address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RoutableAddressWithTlsButNoCredentials_Refused()
    {
        using var certificates = new TestCertificates();

        var error = Assert.Throws<ConfigurationException>(() => ServerSettings.Read(Configuration(new()
        {
            ["Listen:Address"] = "0.0.0.0",
            ["Tls:CertificatePath"] = certificates.ServerCertificatePath,
            ["Tls:KeyPath"] = certificates.ServerKeyPath,
        })));

        Assert.Equal("Tls:ClientCaPath", error.Key);
    }

    [Theory]
    [InlineData("Listen:Port", "eighty", "'eighty' is not an integer")]
    [InlineData("Listen:Port", "70000", "70000 is outside 0 to 65535")]
    [InlineData("Storage:Mode", "Postgres", "'Postgres' is not one of Sqlite, JetStream")]
    [InlineData("Storage:NatsUrl", "http://example", "is not a nats:// or tls:// URL")]
    [InlineData("Limits:MaxBatchBytes", "10", "10 is outside 1024 to")]
    [InlineData("Tls:CertificatePath", "/nonexistent/server.pem", "does not exist")]
    [InlineData("Listen:Address", "mast-7", "'mast-7' is not an IP address")]
    public void Read_BadValue_NamesKeyAndReason(string key, string value, string reason)
    {
        var error = Assert.Throws<ConfigurationException>(() => ServerSettings.Read(Configuration(new() { [key] = value })));

        Assert.Equal(key, error.Key);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TokenWithPlainTextInsteadOfHash_NamesKeyWithoutEchoingValue()
    {
        const string Pasted = "my-secret-board-token";

        var error = Assert.Throws<ConfigurationException>(() => ServerSettings.Read(Configuration(new()
        {
            ["Auth:Tokens:0:Identity"] = "board-1",
            ["Auth:Tokens:0:Sha256"] = Pasted,
        })));

        Assert.Equal("Auth:Tokens:0:Sha256", error.Key);
        Assert.DoesNotContain(Pasted, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ConfigFileWithBadMode_NamesKey()
    {
        using var directory = new TempDirectory();
        var path = directory.File("picket.json");
        File.WriteAllText(path, """{ "Storage": { "Mode": "Cassandra" } }""");

        var error = Assert.Throws<ConfigurationException>(() => ServerHost.Build(["--config", path]));

        Assert.Equal("Storage:Mode", error.Key);
    }

    [Fact]
    public void Build_MissingConfigFile_NamesSwitch()
    {
        var error = Assert.Throws<ConfigurationException>(() => ServerHost.Build(["--config", "/nonexistent/picket.json"]));

        Assert.Equal("--config", error.Key);
    }

    [Theory]
    [InlineData("Limits:MaxBatchByte", "Limits:MaxBatchBytes")]
    [InlineData("storage:sqlitepth", "Storage:SqlitePath")]
    [InlineData("Auth:Tokens:0:Hash", null)]
    [InlineData("Management:Address", null)]
    public void Read_UnknownKeyInOwnSection_NamesKey(string key, string? hint)
    {
        var error = Assert.Throws<ConfigurationException>(() => ServerSettings.Read(Configuration(new() { [key] = "1" })));

        Assert.Equal(key, error.Key);
        if (hint is not null)
        {
            Assert.EndsWith($"Did you mean {hint}?", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_ListAndTokenKeys_Accepted()
    {
        var settings = ServerSettings.Read(Configuration(new()
        {
            ["Auth:RevokedIdentities:0"] = "gw-old",
            ["auth:revokedserials:3"] = "0A",
            ["Management:Port"] = "off",
            ["Logging:LogLevel:Default"] = "Warning",
        }));

        Assert.Contains("gw-old", settings.RevokedIdentities);
        Assert.Null(settings.ManagementPort);
    }

    [Fact]
    public void Build_UnknownKeyInConfigFile_NamesKey()
    {
        using var directory = new TempDirectory();
        var path = directory.File("picket.json");
        File.WriteAllText(path, """{ "Feed": { "SubscriberQueueCapacty": 100 } }""");

        var error = Assert.Throws<ConfigurationException>(() => ServerHost.Build(["--config", path]));

        Assert.Equal("Feed:SubscriberQueueCapacty", error.Key);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
