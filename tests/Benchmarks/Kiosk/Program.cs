// Kiosk benchmark: generated citizens submitted through the kiosk simulator's load generator (signed
// HTTP, as a kiosk) to the gateway (Release build, its own process) with the document type on the
// auto-approve path, so the machine's part is measured alone: dossiers per hour, latency from the first
// upload to the stored signed copy, CPU per dossier by process, and the breakdown by step from the journal.
// Without --replicas: one gateway on the embedded SQLite default. With --replicas 1,2: the same dossiers
// against one, then two gateway replicas over one PostgreSQL database (requests round robin, as behind the
// compose file's proxy), each run audited for "exactly once" (one copy and one register number per issued
// dossier, no gap, nothing faulted, no queued run left or given up).
// Usage: dotnet tests/Benchmarks/Kiosk/bin/Release/net10.0/SmartKiosk.Benchmarks.Kiosk.dll [--smoke] [--count N] [--parallel N] [--warmup N] [--type cccd] [--replicas 1,2] [--profile] [--kill-after S]
using System.Globalization;
using SmartKiosk.Benchmarks.Kiosk;
using SmartKiosk.Samples.KioskSimulator.Submission;
using SmartKiosk.TestSupport;

var settings = KioskBenchSettings.Parse(args);
var ct = CancellationToken.None;
var faces = SyntheticCase.DemoFaces(RepositoryPaths.Root);
var cases = Enumerable.Range(0, settings.Count).AsParallel().AsOrdered()
    .Select(i => SyntheticCase.Create(settings.DocumentType, 1000 + i, faces))
    .ToList();
var warmup = Enumerable.Range(0, settings.Warmup).Select(i => SyntheticCase.Create(settings.DocumentType, 900 + i, faces)).ToList();

var type = $"DocumentTypes__Types__{settings.DocumentType}__";
var gatewaySettings = new Dictionary<string, string>
{
    [type + "AutoApprove"] = "true",
    // Simulated still frames cannot pass the liveness check; it still runs and is timed, advisory.
    [type + "LivenessRequired"] = "false",
    // Every simulated citizen pays through the sandbox wallet from the load generator's one address, and the
    // wallet shares the public endpoints' limit per address (60 a minute): a citizen's phone is not limited here.
    ["PublicVerification__ExemptAddresses__0"] = "127.0.0.1",
};
var output = new RunPrinter(Console.Out);

if (settings.Replicas.Count == 0)
{
    await using var gateway = await GatewayReplicas.StartAsync(1, postgresConnectionString: null, gatewaySettings, ct);
    var run = await MeasuredRun.RunAsync(gateway, postmaster: null, warmup, cases, settings.Parallel, settings.Profile, killAfter: null, ct);
    output.Header(settings, "1 gateway on SQLite (embedded default)");
    output.Details(run);
    return Succeeded(run);
}

// Production keeps fsync and synchronous commit on; the smoke run in ./test.sh does not need them.
await using var cluster = await PrivatePostgresCluster.StartAsync(durable: !settings.Smoke);
var runs = new List<(MeasuredRun Run, ExactlyOnceAudit Audit)>();
foreach (var count in settings.Replicas)
{
    var connectionString = await cluster.CreateDatabaseAsync(string.Create(CultureInfo.InvariantCulture, $"kiosk_bench_{count}_replicas_{runs.Count}"));
    await using var replicas = await GatewayReplicas.StartAsync(count, connectionString, gatewaySettings, ct);
    var killAfter = count > 1 ? settings.KillAfter : null;
    var run = await MeasuredRun.RunAsync(replicas, CpuSample.Postmaster(cluster.Directory), warmup, cases, settings.Parallel, settings.Profile, killAfter, ct);
    // Settled within a dispatch lease (30 s): a run still queued after that was left behind.
    var audit = await ExactlyOnceAudit.ReadSettledAsync(connectionString, TimeSpan.FromSeconds(35), ct);
    output.Header(settings, $"{count} gateway replica(s) on PostgreSQL, requests round robin"
        + (killAfter is { } k ? string.Create(CultureInfo.InvariantCulture, $"; replica {count} killed (SIGKILL) {k.TotalSeconds:0} s into the run") : ""));
    output.Details(run);
    output.Audit(audit, settings.Count + settings.Warmup);
    runs.Add((run, audit));
}
output.Comparison(runs.Select(r => r.Run).ToList());
var clean = runs.All(r => r.Audit.Violations(settings.Count + settings.Warmup).Count == 0);
return clean && runs.All(r => Succeeded(r.Run) == 0) ? 0 : 1;

// The smoke run's generated citizens are clear cases and must all be issued; a full run only needs to issue.
int Succeeded(MeasuredRun run)
{
    var issued = run.Report.Submissions.Count(s => s.Status == "Issued");
    return settings.Smoke ? (issued == settings.Count ? 0 : 1) : (issued > 0 ? 0 : 1);
}
