using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.Samples.KioskSimulator.Load;
using SmartKiosk.Samples.KioskSimulator.Submission;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// One measured load run against running replicas: warm-up dossiers one by one (first JIT of every path on
/// every replica, first connections; not measured), then the cases over <c>parallel</c> kiosk sessions at once,
/// every request sent to the next replica in turn. CPU is sampled around the measured part only.
/// </summary>
public sealed record MeasuredRun(int Replicas, LoadReport Report, JournalBreakdown Journal, CpuSample Cpu, IReadOnlyList<double> PeakMemoryMb, CpuProfile.Summary? Profile)
{
    public static async Task<MeasuredRun> RunAsync(
        GatewayReplicas replicas, int? postmaster, IReadOnlyList<SubmitOptions> warmup, IReadOnlyList<SubmitOptions> cases, int parallel, bool profile, TimeSpan? killAfter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        var credential = KioskCredential.Load(Path.Combine(replicas.DataFolder, KioskCredential.DemoFileName));
        using var http = new HttpClient(new RoundRobinHandler(replicas.Addresses, new SocketsHttpHandler()))
        {
            BaseAddress = replicas.Addresses[0],
            Timeout = TimeSpan.FromMinutes(5),
        };
        var runner = new LoadRunner(() => new DossierSubmitter(new KioskApiClient(http, new RequestSigner(credential, TimeProvider.System))));
        await runner.RunAsync(warmup, 1, ct);

        await using var profiler = profile ? CpuProfile.Start(replicas.ProcessIds[0], replicas.DataFolder) : null;
        var before = CpuSample.Take(replicas.ProcessIds, postmaster);
        using var runEnded = new CancellationTokenSource();
        var kill = killAfter is { } after ? KillLaterAsync(replicas, after, runEnded.Token) : Task.CompletedTask;
        var report = await runner.RunAsync(cases, parallel, ct);
        await runEnded.CancelAsync(); // a run over before the kill is measured whole, with every replica alive
        await kill;
        var cpu = CpuSample.Take(replicas.ProcessIds, postmaster).Minus(before);
        var summary = profiler is null ? null : await profiler.StopAsync(ct);

        var issued = report.Submissions.Where(s => s.Status == "Issued").Select(s => s.DossierId);
        var journal = await JournalBreakdown.ReadAsync(replicas.StoreSettings, issued, ct);
        return new MeasuredRun(replicas.Addresses.Count, report, journal, cpu, replicas.PeakMemoryMb(), summary);
    }

    private static async Task KillLaterAsync(GatewayReplicas replicas, TimeSpan after, CancellationToken runEnded)
    {
        try
        {
            await Task.Delay(after, runEnded);
            replicas.KillLast();
        }
        catch (OperationCanceledException)
        {
            // the run ended first
        }
    }

    /// <summary>Gateway and database CPU seconds per dossier handled.</summary>
    public double CpuSecondsPerDossier => Report.Dossiers == 0 ? 0 : (Cpu.Replicas.Sum() + Cpu.Database) / Report.Dossiers;
}
