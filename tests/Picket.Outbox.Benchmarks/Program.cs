using Picket.Outbox.Benchmarks;
using Picket.Testing;

// picket outbox benchmarks: timed runs that print their figures, and the kill -9 test's child.
//   outage [--hours 1] [--rate 2000]   1 h of batches appended while the server is down, then drained
//   steady [--minutes 3] [--rate 2000] [--commit-ms 1000]  link up: bytes written and fsyncs of the gateway per hour
//   append-loop --path DB [--seed N]   appends until killed; prints "committed N" after each durable flush
var verb = args.Length > 0 ? args[0] : "";
return verb switch
{
    "outage" => await OutageRun.RunAsync(BenchmarkArguments.Parse(args)),
    "steady" => await SteadyRun.RunAsync(BenchmarkArguments.Parse(args)),
    "append-loop" => AppendLoop.Run(BenchmarkArguments.Parse(args)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Picket.Outbox.Benchmarks outage [--hours H] [--rate N] | steady [--minutes M] [--rate N] [--commit-ms MS] | append-loop --path DB [--seed N]");
    return 2;
}
