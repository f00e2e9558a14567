using System.Diagnostics;

namespace SmartKiosk.Benchmarks;

/// <summary>What one engine achieved: throughput with concurrent starts and the latency of a single workflow.</summary>
public sealed record Measurement(string Engine, double WorkflowsPerSecond, double MedianLatencyMs, double P95LatencyMs);

/// <summary>One engine under test, running the same 10-step sequential workflow.</summary>
public interface IScenario : IAsyncDisposable
{
    string Name { get; }

    Task InitializeAsync();

    /// <summary>Starts one workflow and returns when it has completed.</summary>
    Task RunOneAsync(int id);
}

public static class Runner
{
    public static async Task<Measurement> MeasureAsync(IScenario scenario, BenchSettings settings)
    {
        await scenario.InitializeAsync();
        for (var i = 0; i < settings.Warmup; i++)
        {
            await scenario.RunOneAsync(-1 - i);
        }

        // Latency: one workflow at a time, start to completion.
        var latencies = new List<double>(settings.LatencyRuns);
        for (var i = 0; i < settings.LatencyRuns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await scenario.RunOneAsync(1_000_000 + i);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // Throughput: many workflows started by concurrent callers, until the last one completed.
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            int id;
            while ((id = Interlocked.Increment(ref next)) <= settings.Starts)
            {
                await scenario.RunOneAsync(id);
            }
        })));
        clock.Stop();

        latencies.Sort();
        return new Measurement(
            scenario.Name,
            settings.Starts / clock.Elapsed.TotalSeconds,
            Percentile(latencies, 0.5),
            Percentile(latencies, 0.95));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
