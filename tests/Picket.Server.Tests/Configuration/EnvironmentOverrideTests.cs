namespace Picket.Server.Configuration;

/// <summary>Process environment changes: run alone, never beside tests that build a server.</summary>
[CollectionDefinition(nameof(EnvironmentOverrideTests), DisableParallelization = true)]
public sealed class EnvironmentOverrideGroup
{
}

[Collection(nameof(EnvironmentOverrideTests))]
public sealed class EnvironmentOverrideTests
{
    [Fact]
    public void Build_PicketEnvironmentVariable_OverridesConfigFileAndIsNamedWhenBad()
    {
        Environment.SetEnvironmentVariable("PICKET_Limits__MaxFutureSkewSeconds", "soon");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => ServerHost.Build([]));

            Assert.Equal("Limits:MaxFutureSkewSeconds", error.Key);
            Assert.Contains("'soon' is not an integer", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PICKET_Limits__MaxFutureSkewSeconds", null);
        }
    }

    [Fact]
    public async Task Build_CommandLine_WinsOverEnvironment()
    {
        Environment.SetEnvironmentVariable("PICKET_Feed__SubscriberQueueCapacity", "5");
        try
        {
            await using var app = ServerHost.Build(["--Feed:SubscriberQueueCapacity", "100", "--Listen:Port", "0"]);
            var settings = (ServerSettings)app.Services.GetService(typeof(ServerSettings))!;

            Assert.Equal(100, settings.SubscriberQueueCapacity);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PICKET_Feed__SubscriberQueueCapacity", null);
        }
    }
}
