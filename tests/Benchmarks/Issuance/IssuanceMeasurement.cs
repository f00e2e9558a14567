using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Benchmarks.Issuance;

/// <summary>Issues copies one after another on the embedded default (SQLite, local encrypted blobs, development PKI and TSA).</summary>
public sealed record IssuanceMeasurement(IReadOnlyList<double> LatenciesMs, double CopiesPerSecond, int PdfBytes, string SampleCode)
{
    public static async Task<IssuanceMeasurement> RunAsync(string data, IssuanceBenchSettings settings, CancellationToken cancellationToken)
    {
        await using var services = Services(data);
        await services.GetRequiredService<IssuanceDatabaseInitializer>().InitializeAsync(SeedAgencies.Agencies, SeedAgencies.Officers, cancellationToken);
        var issuer = services.GetRequiredService<CopyIssuer>();
        var (front, back) = new DocumentGenerator(20261126).IdCard(canCuoc2024: false, CaptureKind.Scan);
        IssueRequest Request(int i) => new(SeedAgencies.HoanKiem.Id, SeedAgencies.HoanKiemOfficer.Id, $"bench-{i}", "cccd-2021-front",
            new LocalizedText("Căn cước công dân", "Citizen identity card"), [new ScannedPage(front.Image, 85.6, 54), new ScannedPage(back.Image, 85.6, 54)], 4_000);

        // Warm-up: keys loaded, fonts parsed, JIT done.
        var sample = await issuer.IssueAsync(Request(-1), cancellationToken);
        await issuer.IssueAsync(Request(-2), cancellationToken);

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < settings.Copies; i++)
        {
            var watch = Stopwatch.StartNew();
            await issuer.IssueAsync(Request(i), cancellationToken);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new IssuanceMeasurement(latencies, settings.Copies / total.Elapsed.TotalSeconds, (int)sample.Length, sample.VerificationCode);
    }

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sorted = LatenciesMs.Order().ToList();
        double At(double share) => sorted[(int)Math.Round(share * (sorted.Count - 1))];
        output.WriteLine(FormattableString.Invariant($"Issuance of a 2-page ID card copy (render + officer signature + agency seal + 2 time-stamps + store + register), {sorted.Count} copies one after another:"));
        output.WriteLine(FormattableString.Invariant($"  {CopiesPerSecond:F2} copies/s; latency median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {sorted[^1]:F0} ms; PDF {PdfBytes / 1024.0:F0} KiB"));
    }

    private static ServiceProvider Services(string data) => new ServiceCollection()
        .AddLogging()
        .Configure<DataFolderOptions>(o => o.Path = data)
        .Configure<PersistenceOptions>(o =>
        {
            o.Provider = DatabaseProvider.Sqlite;
            o.ConnectionString = $"Data Source={Path.Combine(data, "smartkiosk.db")}";
        })
        .AddSingleton<BlobKeyRing>()
        .AddSingleton<IBlobStore, LocalEncryptedBlobStore>()
        .AddIssuance()
        .BuildServiceProvider();
}
