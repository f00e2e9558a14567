using System.Globalization;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary><c>--smoke</c> (3 dossiers one at a time, for ./test.sh), <c>--count N</c>, <c>--parallel N</c>, <c>--warmup N</c> (not measured), <c>--type T</c>.</summary>
public sealed record KioskBenchSettings(bool Smoke, int Count, int Parallel, int Warmup, string DocumentType)
{
    public static KioskBenchSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        int Value(string name, int fallback) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new KioskBenchSettings(smoke, Value("--count", smoke ? 3 : 60), Value("--parallel", smoke ? 1 : 4), Value("--warmup", smoke ? 0 : 2), Text("--type") ?? "cccd");
    }
}
