// Face verification benchmark: same-face pairs (augmented captures, portraits printed on synthetic ID
// cards and photographed again) against different-people pairs, built from the face-api demo faces.
// Usage: dotnet run -c Release --project tests/Benchmarks/Faces -- [--smoke] [--histogram docs/images/face-distances.png]
using SmartKiosk.Benchmarks.Faces;

var settings = FaceBenchSettings.Parse(args);
var report = await FaceBench.RunAsync(settings, CancellationToken.None);
report.Print(Console.Out);
if (settings.HistogramPath is { } path)
{
    DistanceHistogram.Write(report, path);
    Console.WriteLine($"histogram: {path}");
}
return 0;
