using System.Globalization;

namespace SmartKiosk.Benchmarks.Recognition;

/// <summary>
/// Command-line settings. The default seed is the benchmark's own and is never used by tests or
/// while tuning templates (tuning used seeds 1–9), so the numbers are not fitted to their corpus.
/// </summary>
public sealed record RecognitionBenchSettings(int Seed, int Count, int Pairs, bool Verbose, bool Smoke)
{
    public const int BenchmarkSeed = 20261126;

    public static RecognitionBenchSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var smoke = args.Contains("--smoke");
        return new RecognitionBenchSettings(
            int.Parse(Value("--seed") ?? BenchmarkSeed.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Value("--count") ?? (smoke ? "8" : "240"), CultureInfo.InvariantCulture),
            int.Parse(Value("--pairs") ?? (smoke ? "2" : "20"), CultureInfo.InvariantCulture),
            args.Contains("--verbose"),
            smoke);
    }
}
