// Kiosk benchmark: generated citizens submitted through the kiosk simulator's load generator (signed
// HTTP, as a kiosk) to the gateway (Release build, its own process, SQLite on the embedded default) with
// the document type on the auto-approve path, so the machine's part is measured alone: dossiers per
// hour, latency from the first upload to the stored signed copy, and the breakdown by step from the journal.
// Usage: dotnet tests/Benchmarks/Kiosk/bin/Release/net10.0/SmartKiosk.Benchmarks.Kiosk.dll [--smoke] [--count N] [--parallel N] [--warmup N] [--type cccd]
using System.Globalization;
using SmartKiosk.Benchmarks.Kiosk;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.Samples.KioskSimulator.Load;
using SmartKiosk.Samples.KioskSimulator.Submission;
using SmartKiosk.TestSupport;

var settings = KioskBenchSettings.Parse(args);
var ct = CancellationToken.None;
var data = Directory.CreateTempSubdirectory("smartkiosk-kiosk-bench-").FullName;
try
{
    var faces = SyntheticCase.DemoFaces(RepositoryPaths.Root);
    var cases = Enumerable.Range(0, settings.Count).AsParallel().AsOrdered()
        .Select(i => SyntheticCase.Create(settings.DocumentType, 1000 + i, faces))
        .ToList();
    var warmup = Enumerable.Range(0, settings.Warmup).Select(i => SyntheticCase.Create(settings.DocumentType, 900 + i, faces)).ToList();

    var type = $"DocumentTypes__Types__{settings.DocumentType}__";
    await using var gateway = await HostProcess.StartGatewayAsync(data, new Dictionary<string, string>
    {
        [type + "AutoApprove"] = "true",
        // Simulated still frames cannot pass the liveness check; it still runs and is timed, advisory.
        [type + "LivenessRequired"] = "false",
    }, ct);
    var credential = KioskCredential.Load(Path.Combine(data, KioskCredential.DemoFileName));
    using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromMinutes(5) };
    // Warm-up dossiers (first JIT of every path, first connections) are run one by one and not measured.
    await new LoadRunner(() => new DossierSubmitter(new KioskApiClient(http, new RequestSigner(credential, TimeProvider.System)))).RunAsync(warmup, 1, ct);
    var report = await new LoadRunner(() => new DossierSubmitter(new KioskApiClient(http, new RequestSigner(credential, TimeProvider.System))))
        .RunAsync(cases, settings.Parallel, ct);

    var issued = report.Submissions.Where(s => s.Status == "Issued").ToList();
    var fromUpload = LoadRunner.Percentiles([.. issued.Select(s => s.Timings["total"] - s.Timings["start"]).Order()]);
    var journal = await JournalBreakdown.ReadAsync(data, issued.Select(s => s.DossierId), ct);

    string Ms(IReadOnlyDictionary<string, double> p) => p.Count == 0 ? "n/a" : string.Join(", ", p.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Value:0}")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Kiosk benchmark: {settings.Count} {settings.DocumentType} dossiers over {settings.Parallel} kiosk sessions at once (after {settings.Warmup} warm-up dossiers), auto-approve, {Environment.ProcessorCount} cores"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Throughput: {report.DossiersPerHour:0} dossiers/hour ({report.Dossiers} in {report.Seconds:0.0} s); by status: {string.Join(", ", report.ByStatus.Select(s => $"{s.Key} {s.Value}"))}"));
    Console.WriteLine($"Latency, first upload to signed copy (ms): {Ms(fromUpload)}");
    Console.WriteLine($"Latency, whole session with start (ms): {Ms(report.IssuedLatencyMs)}");
    Console.WriteLine($"Server time, dossier created to ended (ms): {Ms(journal.ServerMs)}");
    var referred = report.Submissions.Where(s => s.Status != "Issued")
        .SelectMany(s => s.Reasons.Select(r => r.Code).DefaultIfEmpty("(none)").Distinct())
        .GroupBy(code => code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
    Console.WriteLine($"Reasons of the dossiers not issued (sent to the officer): {string.Join(", ", referred)}");
    Console.WriteLine($"Mean per kiosk call (ms): {string.Join(", ", report.StepMeanMs.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0}")))}");
    Console.WriteLine();
    Console.WriteLine("| Step (activity) | Runs | Mean ms | p95 ms |");
    Console.WriteLine("|---|---:|---:|---:|");
    foreach (var step in journal.Steps)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step.ActivityType} | {step.Count} | {step.MeanMs:0.0} | {step.P95Ms:0.0} |"));
    }
    foreach (var error in report.Errors)
    {
        Console.WriteLine($"error: {error}");
    }
    // The smoke run's three generated citizens are clear cases; a full run only needs to issue.
    return settings.Smoke ? (issued.Count == settings.Count ? 0 : 1) : (issued.Count > 0 ? 0 : 1);
}
finally
{
    Directory.Delete(data, recursive: true);
}
