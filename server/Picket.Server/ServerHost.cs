using Grpc.AspNetCore.Server.Model;
using Grpc.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Picket.Contract.V1;
using Microsoft.Extensions.Configuration.CommandLine;
using Picket.Server.Certificates;
using Picket.Server.Configuration;
using Picket.Server.Feed;
using Picket.Server.Ingest;
using Picket.Server.Management;
using Picket.Server.Map;
using Picket.Server.Metrics;
using Picket.Server.Security;
using Picket.Server.Storage;
using Picket.Server.Storage.JetStream;
using Picket.Server.Storage.Sqlite;

namespace Picket.Server;

/// <summary>
/// Builds the server's web application. Tests call <see cref="Build"/> with a hook that swaps
/// Kestrel for the in-memory TestServer or adds configuration; everything else is the
/// production wiring.
/// </summary>
public static class ServerHost
{
    /// <summary>Prefix of environment variables that override configuration (<c>PICKET_Storage__Mode</c>).</summary>
    public const string EnvironmentPrefix = "PICKET_";

    /// <summary>Builds the application from command-line arguments and configuration.</summary>
    /// <param name="args">
    /// Command-line arguments: <c>--config PATH</c>, <c>--dev [DIR]</c>, and ASP.NET Core
    /// configuration syntax (<c>--Storage:Mode JetStream</c>).
    /// </param>
    /// <param name="configure">Optional changes to the builder before the settings are read (tests).</param>
    /// <exception cref="ConfigurationException">A setting is wrong; the message names the key.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var launch = LaunchArguments.Parse(args ?? []);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. launch.Remaining] });
        AddConfigurationSources(builder, launch);
        configure?.Invoke(builder);

        // grpc-dotnet logs every call that ends with an error status at Information, with the
        // exception's stack trace; the server logs the reasons itself, once and without traces.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        var settings = SettingsReader.Read(builder.Configuration, EnvironmentKeys());
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(MapSettings.Read(builder.Configuration));
        builder.Services.AddSingleton<MastSites>();
        // TryAdd: a test's configure hook may have registered a fake clock.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServerMetrics>();
        var management = new ManagementListener();
        builder.Services.AddSingleton(management);
        builder.Services.AddSingleton(services => new FeedHub(settings.SubscriberQueueCapacity, settings.SnapshotHorizon, services.GetRequiredService<ServerMetrics>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => new BatchValidator(services.GetRequiredService<TimeProvider>(), settings.MaxFutureSkew));
        builder.Services.AddSingleton<CallerAuthenticator>();
        builder.Services.AddSingleton<SequenceWindow>();
        if (settings.StorageMode == StorageMode.JetStream)
        {
            builder.Services.AddSingleton<IBatchStore, JetStreamBatchStore>();
        }
        else
        {
            builder.Services.AddSingleton<IBatchStore, SqliteBatchStore>();
        }

        builder.Services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = false;
            // Oversized batches are refused with ResourceExhausted before they are buffered.
            options.MaxReceiveMessageSize = settings.MaxBatchBytes;
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<TrackIngestService>, TrackIngestMethodProvider>());
        builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("storage");
        builder.Services.AddGrpcReflection();
        // TrackIngest is bound by hand (TrackIngestMethodProvider), so reflection is told the
        // contract's services explicitly instead of finding them on generated base classes.
        builder.Services.AddSingleton(new ReflectionServiceImpl(
            TrackIngest.Descriptor,
            TrackFeed.Descriptor,
            Grpc.Health.V1.Health.Descriptor,
            Grpc.Reflection.V1Alpha.ServerReflection.Descriptor));
        ConfigureKestrel(builder, settings, management);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Picket.Server");
        if (settings.AllowAnonymous)
        {
            Log.AnonymousMode(logger);
        }

        if (settings.StorageMode == StorageMode.Sqlite && settings.SqlitePath is null)
        {
            Log.InMemoryStorage(logger);
        }

        // Open the store now: recovery starts before the first call, and a bad database path
        // fails here rather than on a gateway's first batch.
        var store = app.Services.GetRequiredService<IBatchStore>();
        app.Services.GetRequiredService<ServerMetrics>().ObserveStoreAvailable(() => store.WaitUntilReadyAsync(CancellationToken.None).IsCompletedSuccessfully);
        var location = settings.StorageMode == StorageMode.JetStream ? settings.NatsUrl.ToString() : settings.SqlitePath ?? "memory";
        Log.StorageReady(logger, settings.StorageMode, location);

        // gRPC-Web lets HTTP/1.1-only boards call PublishBatch.
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        // Credentials are checked before any request body is read (issue 12, probe 5).
        app.UseMiddleware<GrpcAuthenticationMiddleware>();
        app.MapGrpcService<TrackIngestService>();
        app.MapGrpcService<TrackFeedService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        ManagementListener.Map(app);
        if (!MapEndpoints.Map(app))
        {
            Log.MapNotBuilt(logger, MapEndpoints.PageDirectory);
        }

        app.MapGet("/", () => "Picket server: gRPC services picket.v1.TrackIngest and picket.v1.TrackFeed.");
        return app;
    }

    // The keys set through PICKET_ variables (PICKET_Limits__MaxBatchBytes → Limits:MaxBatchBytes), for the unknown-key check.
    private static List<string> EnvironmentKeys()
    {
        var keys = new List<string>();
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                keys.Add(name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal));
            }
        }

        return keys;
    }

    private static void AddConfigurationSources(WebApplicationBuilder builder, LaunchArguments launch)
    {
        // Precedence, lowest first: --dev defaults, appsettings, --config file, PICKET_ variables,
        // command line. The command-line source was added last by CreateBuilder; insert before it.
        var sources = builder.Configuration.Sources;
        var commandLine = sources.Count;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is CommandLineConfigurationSource)
            {
                commandLine = i;
            }
        }

        var extra = new ConfigurationManager();
        if (launch.ConfigPath is not null)
        {
            extra.AddJsonFile(Path.GetFullPath(launch.ConfigPath), optional: false);
        }

        extra.AddEnvironmentVariables(EnvironmentPrefix);
        foreach (var source in ((IConfigurationBuilder)extra).Sources)
        {
            sources.Insert(commandLine++, source);
        }

        if (launch.DevDirectory is not null)
        {
            sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = DevEnvironment.Prepare(launch.DevDirectory, Console.Out) });
        }
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ServerSettings settings, ManagementListener management)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Flaky mast links: ping idle HTTP/2 connections so dead streams are reaped.
            kestrel.Limits.Http2.KeepAlivePingDelay = settings.KeepAlivePingDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = settings.KeepAlivePingTimeout;
            kestrel.Listen(settings.ListenAddress, settings.ListenPort, listen =>
            {
                if (settings.TlsCertificatePath is null || settings.TlsKeyPath is null)
                {
                    // Cleartext: HTTP/2 with prior knowledge only (no ALPN to negotiate HTTP/1.1).
                    listen.Protocols = HttpProtocols.Http2;
                    return;
                }

                listen.Protocols = HttpProtocols.Http1AndHttp2;
                var certificate = FleetCertificates.LoadPem(settings.TlsCertificatePath, settings.TlsKeyPath);
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    if (settings.ClientCaPath is not null)
                    {
                        // Chain and identity are checked per call against the fleet CA, so that a
                        // bad certificate gets a gRPC status rather than a TLS alert.
                        https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate;
                        https.ClientCertificateValidation = (_, _, _) => true;
                    }
                });
            });
            if (settings.Http1Port is { } http1Port)
            {
                kestrel.Listen(settings.ListenAddress, http1Port, listen => listen.Protocols = HttpProtocols.Http1);
            }

            if (settings.ManagementPort is { } managementPort)
            {
                management.Listen(kestrel, managementPort);
            }
        });
    }
}
