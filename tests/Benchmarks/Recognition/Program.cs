// Recognition benchmark: generates a corpus with the seeded synthetic-document generator, runs the
// recognition pipeline on the image bytes alone and scores it against the generator's ground truth.
// Usage: dotnet run -c Release --project tests/Benchmarks/Recognition -- [--seed N] [--count N] [--pairs N] [--smoke] [--verbose]
using SmartKiosk.Benchmarks.Recognition;

var settings = RecognitionBenchSettings.Parse(args);
var report = await RecognitionBench.RunAsync(settings, CancellationToken.None);
report.Print(Console.Out, settings);
return 0;
