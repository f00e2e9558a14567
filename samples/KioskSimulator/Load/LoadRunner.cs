using System.Collections.Concurrent;
using System.Diagnostics;
using SmartKiosk.Samples.KioskSimulator.Submission;

namespace SmartKiosk.Samples.KioskSimulator.Load;

/// <summary>
/// The simulator as a load generator: <c>count</c> generated dossiers over <c>parallel</c> kiosks at
/// once. Cases are generated before the clock starts (generation is the simulator's cost, not the
/// system's), each with its own pages and frames, since identical uploads would share blobs.
/// </summary>
public sealed class LoadRunner(Func<DossierSubmitter> submitters)
{
    public async Task<LoadReport> RunAsync(IReadOnlyList<SubmitOptions> cases, int parallel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new ConcurrentBag<(SubmissionResult? Result, double Milliseconds, string? Error)>();
        var queue = new ConcurrentQueue<SubmitOptions>(cases);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Max(1, parallel)).Select(async _ =>
        {
            var submitter = submitters();
            while (queue.TryDequeue(out var next))
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    var result = await submitter.SubmitAsync(next, ct);
                    results.Add((result, watch.Elapsed.TotalMilliseconds, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results.Add((null, watch.Elapsed.TotalMilliseconds, ex.Message));
                }
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;

        var all = results.ToList();
        var latencies = all.Select(r => r.Milliseconds).Order().ToList();
        var issued = all.Where(r => r.Result?.Status == "Issued").Select(r => r.Milliseconds).Order().ToList();
        return new LoadReport(
            Dossiers: all.Count,
            Parallel: parallel,
            Seconds: elapsed.TotalSeconds,
            DossiersPerHour: all.Count / elapsed.TotalHours,
            ByStatus: all.GroupBy(r => r.Result?.Status ?? "Error").ToDictionary(g => g.Key, g => g.Count()),
            LatencyMs: Percentiles(latencies),
            IssuedLatencyMs: Percentiles(issued),
            StepMeanMs: all.Where(r => r.Result is not null)
                .SelectMany(r => r.Result!.Timings)
                .GroupBy(t => t.Key)
                .ToDictionary(g => g.Key, g => Math.Round(g.Average(t => t.Value), 1)),
            Errors: [.. all.Where(r => r.Error is not null).Select(r => r.Error!).Distinct().Take(5)])
        {
            Submissions = [.. all.Where(r => r.Result is not null).Select(r => r.Result!)],
        };
    }

    /// <summary>Nearest-rank percentiles.</summary>
    public static IReadOnlyDictionary<string, double> Percentiles(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return new Dictionary<string, double>();
        }
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Dictionary<string, double>
        {
            ["p50"] = Math.Round(At(0.50), 1),
            ["p95"] = Math.Round(At(0.95), 1),
            ["p99"] = Math.Round(At(0.99), 1),
            ["max"] = Math.Round(sorted[^1], 1),
        };
    }
}

public sealed record LoadReport(
    int Dossiers,
    int Parallel,
    double Seconds,
    double DossiersPerHour,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, double> LatencyMs,
    IReadOnlyDictionary<string, double> IssuedLatencyMs,
    IReadOnlyDictionary<string, double> StepMeanMs,
    IReadOnlyList<string> Errors)
{
    /// <summary>Each dossier's result, for a caller that looks further (not printed).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SubmissionResult> Submissions { get; init; } = [];
}
