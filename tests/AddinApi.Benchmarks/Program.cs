using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AddinApi.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Kontaktlofte.AddinApi.Benchmarks.DraftReviewBenchmarks).Assembly).Run(args);
