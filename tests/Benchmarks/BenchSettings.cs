namespace SmartKiosk.Benchmarks;

/// <summary>Command-line settings: <c>--smoke</c> for a handful of iterations (test.sh), sizes otherwise.</summary>
public sealed record BenchSettings(int Starts, int Concurrency, int LatencyRuns, int Warmup, bool Smoke)
{
    public static BenchSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int normal, int small) => int.TryParse(Value(name), out var n) ? n : smoke ? small : normal;
        return new BenchSettings(
            Starts: Number("--starts", 2000, 40),
            Concurrency: Number("--concurrency", 16, 4),
            LatencyRuns: Number("--latency-runs", 200, 10),
            Warmup: Number("--warmup", 50, 3),
            Smoke: smoke);
    }
}
