using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>
/// Two issuing processes, four workers each, take 200 numbers from one PostgreSQL register for two
/// agencies at once: every number is distinct, the sequence per agency has no gap, the only holes
/// are recorded voids, and the agencies' registers never mix.
/// </summary>
public sealed class RegisterConcurrencyTests(PostgresDatabaseFixture<RegisterConcurrencyTests> database)
    : IClassFixture<PostgresDatabaseFixture<RegisterConcurrencyTests>>
{
    [Fact]
    public async Task Two_processes_issuing_at_once_never_share_or_skip_a_number()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .Configure<PersistenceOptions>(o =>
            {
                o.Provider = DatabaseProvider.PostgreSql;
                o.ConnectionString = database.ConnectionString;
            })
            .AddCertificationRegister()
            .BuildServiceProvider();
        await services.GetRequiredService<IssuanceDatabaseInitializer>().InitializeAsync(SeedAgencies.Agencies, SeedAgencies.Officers, CancellationToken.None);
        var agencies = string.Join(',', SeedAgencies.Agencies.Select(a => a.Id));

        var results = await Task.WhenAll(RunProbeAsync("a", 100, agencies), RunProbeAsync("b", 100, agencies));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        await using var db = services.GetRequiredService<IssuanceDbContextFactory>().Create();
        var entries = await db.RegisterEntries.AsNoTracking().ToListAsync();
        Assert.Equal(200, entries.Count);
        foreach (var agency in SeedAgencies.Agencies)
        {
            var own = entries.Where(e => e.AgencyId == agency.Id).OrderBy(e => e.Number).ToList();
            Assert.Equal(100, own.Count);
            Assert.Equal(Enumerable.Range(1, 100), own.Select(e => e.Number));
            Assert.All(own, e => Assert.EndsWith(agency.BookSuffix, e.BookLabel, StringComparison.Ordinal));
            Assert.All(own, e => Assert.Contains(e.Status, new[] { RegisterEntryStatus.Issued, RegisterEntryStatus.Voided }));
            Assert.All(own.Where(e => e.Status == RegisterEntryStatus.Voided), e => Assert.Equal("simulated signing failure", e.VoidReason));
        }
        Assert.Equal(20, entries.Count(e => e.Status == RegisterEntryStatus.Voided));
        Assert.Equal(200, entries.Select(e => e.OriginalKey).Distinct().Count());
    }

    private async Task<(int ExitCode, string Output)> RunProbeAsync(string tag, int copies, string agencies)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "SmartKiosk.Issuance.RegisterProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", probe, database.ConnectionString, tag, copies.ToString(System.Globalization.CultureInfo.InvariantCulture), "4", agencies })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
