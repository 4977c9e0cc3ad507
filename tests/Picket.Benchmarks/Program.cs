using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Picket.Benchmarks.ProtoWriterBenchmarks).Assembly).Run(args);
