using Picket.Server;
using Picket.Server.Certificates;
using Picket.Server.Configuration;

try
{
    if (args.Length > 0 && args[0] == "certs")
    {
        return CertsCommand.Run(args[1..], Console.Out, Console.Error);
    }

    if (LaunchArguments.IsHelpRequest(args))
    {
        // Usage only: no configuration is read and no port is opened.
        await Console.Out.WriteLineAsync(LaunchArguments.Usage).ConfigureAwait(false);
        return 0;
    }

    var app = ServerHost.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (ConfigurationException e)
{
    await Console.Error.WriteLineAsync("picket-server: configuration error: " + e.Message).ConfigureAwait(false);
    return 2;
}
catch (IOException e)
{
    await Console.Error.WriteLineAsync("picket-server: " + e.Message).ConfigureAwait(false);
    return 1;
}
