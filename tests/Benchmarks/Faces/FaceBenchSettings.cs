namespace SmartKiosk.Benchmarks.Faces;

/// <summary>
/// Command-line settings: <c>--smoke</c> (a handful of faces, for ./test.sh), <c>--histogram PATH</c>
/// (the distance histogram as PNG) and <c>--dump FOLDER</c> (the demo faces as the benchmark sees them).
/// </summary>
public sealed record FaceBenchSettings(bool Smoke, string? HistogramPath, int LatencyRepeats, string? DumpFolder = null)
{
    public static FaceBenchSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var index = Array.IndexOf(args, "--histogram");
        var histogram = index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        var dump = Array.IndexOf(args, "--dump");
        return new FaceBenchSettings(smoke, histogram, smoke ? 2 : 5, dump >= 0 && dump + 1 < args.Length ? args[dump + 1] : null);
    }
}
