using System.Globalization;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// <c>--smoke</c> (3 dossiers one at a time, for ./test.sh), <c>--count N</c>, <c>--parallel N</c>, <c>--warmup N</c> (not measured),
/// <c>--type T</c>; <c>--replicas 1,2</c> runs the same dossiers against each number of gateway replicas in turn, on PostgreSQL
/// (without it: one gateway on the embedded SQLite default); <c>--profile</c> samples the first replica's stacks with dotnet-trace
/// during the measured part (see <see cref="CpuProfile"/>); <c>--kill-after S</c> kills the last replica (SIGKILL) S seconds into the
/// measured part of each run with more than one replica: the others must finish every dossier, exactly once.
/// </summary>
public sealed record KioskBenchSettings(bool Smoke, int Count, int Parallel, int Warmup, string DocumentType, IReadOnlyList<int> Replicas, bool Profile, TimeSpan? KillAfter)
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
        IReadOnlyList<int> replicas = Text("--replicas") is { } list
            ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))]
            : [];
        if (replicas.Any(n => n < 1))
        {
            throw new ArgumentException("--replicas takes numbers of at least 1, e.g. --replicas 1,2.");
        }
        return new KioskBenchSettings(smoke, Value("--count", smoke ? 3 : 60), Value("--parallel", smoke ? 1 : 4), Value("--warmup", smoke ? 0 : 2), Text("--type") ?? "cccd", replicas, args.Contains("--profile"),
            Text("--kill-after") is null ? null : TimeSpan.FromSeconds(Value("--kill-after", 0)));
    }
}
