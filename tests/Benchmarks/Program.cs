// Engine benchmark: a 10-step sequential workflow of trivial steps, our engine against WorkflowCore,
// in one process and one run. See docs/benchmarks.md for the command and the numbers.
using System.Globalization;
using SmartKiosk.Benchmarks;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Options;

var settings = BenchSettings.Parse(args);
Console.WriteLine($"# {settings.Starts} workflows, {settings.Concurrency} concurrent callers; latency over {settings.LatencyRuns} single runs; {Environment.ProcessorCount} cores");

// Inside ./test.sh (a smoke run) the run's throw-away cluster is used; otherwise the bench starts a
// cluster of its own with fsync and synchronous_commit on, so "durable" means durable.
var durable = Environment.GetEnvironmentVariable(PostgresServer.ConnectionVariable) is null;
if (durable)
{
    Environment.SetEnvironmentVariable("SMARTKIOSK_PG_DURABLE", "1");
}

var database = DatabaseNames.Create("bench");
var postgresDatabase = await PostgresServer.CreateDatabaseAsync(database);
var sqliteFile = Path.Combine(Path.GetTempPath(), $"smartkiosk-bench-{Guid.NewGuid():N}.db");

var scenarios = new Func<IScenario>[]
{
    () => new WorkflowCoreScenario(),
    () => new SmartKioskScenario("SmartKiosk, SQLite in memory", DatabaseProvider.Sqlite, $"Data Source=bench-{Guid.NewGuid():N};Mode=Memory;Cache=Shared"),
    () => new SmartKioskScenario("SmartKiosk, SQLite file (WAL)", DatabaseProvider.Sqlite, $"Data Source={sqliteFile}"),
    () => new SmartKioskScenario(durable ? "SmartKiosk, PostgreSQL (durable)" : "SmartKiosk, PostgreSQL (test cluster, fsync off)", DatabaseProvider.PostgreSql, postgresDatabase),
};

var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var results = new List<Measurement>();
foreach (var create in scenarios)
{
    await using var scenario = create();
    if (only is not null && !scenario.Name.Contains(only, StringComparison.OrdinalIgnoreCase) && results.Count > 0)
    {
        continue;
    }

    var measurement = await Runner.MeasureAsync(scenario, settings);
    results.Add(measurement);
    Console.WriteLine($"  {measurement.Engine}: {measurement.WorkflowsPerSecond:F0} workflows/s, median {measurement.MedianLatencyMs:F2} ms");
}

await PostgresServer.DropDatabaseAsync(database);
foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(sqliteFile + suffix);
}

var peer = results[0];
Console.WriteLine();
Console.WriteLine("| Engine | Workflows/s | vs WorkflowCore | Median latency (ms) | p95 latency (ms) | Latency vs WorkflowCore |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Engine} | {r.WorkflowsPerSecond:F0} | {r.WorkflowsPerSecond / peer.WorkflowsPerSecond:F2}× | {r.MedianLatencyMs:F2} | {r.P95LatencyMs:F2} | {r.MedianLatencyMs / peer.MedianLatencyMs:F2}× |"));
}

return results.All(r => r.WorkflowsPerSecond > 0) ? 0 : 1;
