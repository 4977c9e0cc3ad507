using Picket.Gateway.Benchmarks;
using Picket.Testing;

// picket run benchmarks: timed runs against picket-server and `picket run`, each its own process.
// --keep true keeps the run folder (configuration, logs, writes.csv, both databases).
//   latency  [--scenario busy-sky] [--seconds 120] [--warmup 15] [--settings 1000/1000,100/1000,100/100]   BATCH_MS/COMMIT_MS pairs
//   busy-sky [--seconds 180] [--warmup 60] [--aot DIR]   RSS, CPU, start-up (JIT, then DIR/picket), uplink vs raw Beast
var verb = args.Length > 0 ? args[0] : "";
return verb switch
{
    "latency" => LatencyVerb.Run(BenchmarkArguments.Parse(args)),
    "busy-sky" => BusySkyVerb.Run(BenchmarkArguments.Parse(args)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Picket.Gateway.Benchmarks latency [--scenario NAME] [--seconds S] [--warmup S] [--settings B/C,...] | busy-sky [--seconds S] [--warmup S] [--aot DIR]");
    return 2;
}
