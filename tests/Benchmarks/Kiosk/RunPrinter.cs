using System.Globalization;
using SmartKiosk.Samples.KioskSimulator.Load;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>The benchmark's report: Markdown-ready lines and tables, numbers in the invariant culture.</summary>
public sealed class RunPrinter(TextWriter output)
{
    public void Header(KioskBenchSettings settings, string setup)
    {
        ArgumentNullException.ThrowIfNull(settings);
        output.WriteLine();
        output.WriteLine(Invariant($"# Kiosk benchmark: {settings.Count} {settings.DocumentType} dossiers over {settings.Parallel} kiosk sessions at once (after {settings.Warmup} warm-up dossiers), auto-approve, {Environment.ProcessorCount} cores; {setup}"));
    }

    public void Details(MeasuredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var report = run.Report;
        var issued = report.Submissions.Where(s => s.Status == "Issued").ToList();
        var fromUpload = LoadRunner.Percentiles([.. issued.Select(s => s.Timings["total"] - s.Timings["start"]).Order()]);
        output.WriteLine(Invariant($"Throughput: {report.DossiersPerHour:0} dossiers/hour ({report.Dossiers} in {report.Seconds:0.0} s); by status: {string.Join(", ", report.ByStatus.Select(s => $"{s.Key} {s.Value}"))}"));
        output.WriteLine($"Latency, first upload to signed copy (ms): {Ms(fromUpload)}");
        output.WriteLine($"Latency, whole session with start (ms): {Ms(report.IssuedLatencyMs)}");
        output.WriteLine($"Server time, dossier created to ended (ms): {Ms(run.Journal.ServerMs)}");
        var cpu = run.Cpu;
        output.WriteLine(Invariant($"CPU seconds in the measured part: gateway replicas {string.Join(" + ", cpu.Replicas.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))}, PostgreSQL {cpu.Database:0.0}, load generator {cpu.Client:0.0}; machine busy {100 * cpu.MachineBusy / Math.Max(cpu.MachineTotal, 0.01):0}%"));
        output.WriteLine(Invariant($"CPU per dossier (gateways + database): {run.CpuSecondsPerDossier:0.00} s; peak memory per replica: {string.Join(", ", run.PeakMemoryMb.Select(m => m.ToString("0", CultureInfo.InvariantCulture) + " MB"))}"));
        var referred = report.Submissions.Where(s => s.Status != "Issued")
            .SelectMany(s => s.Reasons.Select(r => r.Code).DefaultIfEmpty("(none)").Distinct())
            .GroupBy(code => code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"Reasons of the dossiers not issued (sent to the officer): {string.Join(", ", referred)}");
        output.WriteLine($"Mean per kiosk call (ms): {string.Join(", ", report.StepMeanMs.Select(s => Invariant($"{s.Key} {s.Value:0}")))}");
        output.WriteLine();
        output.WriteLine("| Step (activity) | Runs | Mean ms | p95 ms |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var step in run.Journal.Steps)
        {
            output.WriteLine(Invariant($"| {step.ActivityType} | {step.Count} | {step.MeanMs:0.0} | {step.P95Ms:0.0} |"));
        }
        if (run.Profile is { } profile)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"CPU profile of replica 1 (dotnet-trace, sampled stacks inside SmartKiosk code, {profile.TotalMs / 1000:0} thread-seconds):"));
            output.WriteLine();
            output.WriteLine("| Inclusive | Application method |");
            output.WriteLine("|---:|---|");
            foreach (var (frame, share) in profile.Inclusive)
            {
                output.WriteLine(Invariant($"| {share:P0} | {frame} |"));
            }
            output.WriteLine();
            output.WriteLine("| Self | Method on top of the stack |");
            output.WriteLine("|---:|---|");
            foreach (var (frame, share) in profile.Self)
            {
                output.WriteLine(Invariant($"| {share:P0} | {frame} |"));
            }
        }
        foreach (var error in report.Errors)
        {
            output.WriteLine($"error: {error}");
        }
    }

    public void Audit(ExactlyOnceAudit audit, int submitted)
    {
        ArgumentNullException.ThrowIfNull(audit);
        output.WriteLine();
        output.WriteLine(Invariant($"Exactly once: {audit.Issued} issued, {audit.Copies} copies, {audit.RegisterEntries} register numbers for {audit.DistinctOriginals} originals (span {audit.NumberSpan}), {audit.Voided} voided, {audit.FaultedInstances} faulted, {audit.Incidents} incidents, {audit.PendingRuns} queued runs left"));
        output.WriteLine($"Queued runs by outcome: {string.Join(", ", audit.RunsByOutcome.Select(o => Invariant($"{o.Key} {o.Value}")))}; by node: {string.Join(", ", audit.RunsByNode.Select(o => Invariant($"{o.Key} {o.Value}")))}");
        foreach (var violation in audit.Violations(submitted))
        {
            output.WriteLine($"VIOLATION: {violation}");
        }
    }

    public void Comparison(IReadOnlyList<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        output.WriteLine();
        output.WriteLine("| Gateway replicas | Dossiers / hour | Issued / hour | Latency p50 | Latency p95 | CPU s / dossier | Machine busy |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var issuedPerHour = run.Report.Submissions.Count(s => s.Status == "Issued") / (run.Report.Seconds / 3600);
            var latency = run.Report.IssuedLatencyMs;
            output.WriteLine(Invariant($"| {run.Replicas} | {run.Report.DossiersPerHour:#,0} | {issuedPerHour:#,0} | {Seconds(latency, "p50")} | {Seconds(latency, "p95")} | {run.CpuSecondsPerDossier:0.00} | {100 * run.Cpu.MachineBusy / Math.Max(run.Cpu.MachineTotal, 0.01):0}% |"));
        }
    }

    private static string Seconds(IReadOnlyDictionary<string, double> percentiles, string key) =>
        percentiles.TryGetValue(key, out var ms) ? Invariant($"{ms / 1000:0.00} s") : "n/a";

    private static string Ms(IReadOnlyDictionary<string, double> p) =>
        p.Count == 0 ? "n/a" : string.Join(", ", p.Select(x => Invariant($"{x.Key} {x.Value:0}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
