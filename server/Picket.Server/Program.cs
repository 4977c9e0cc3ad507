using Picket.Server;

var app = ServerHost.Build(args);
await app.RunAsync().ConfigureAwait(false);
