using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Tests.Issuance;

/// <summary>The register's rules on the embedded default (SQLite), with the clock in Hanoi time.</summary>
public sealed class RegisterTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("smartkiosk-register-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;

    public RegisterTests()
    {
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .Configure<PersistenceOptions>(o =>
            {
                o.Provider = DatabaseProvider.Sqlite;
                o.ConnectionString = $"Data Source={Path.Combine(folder, "register.db")}";
            })
            .AddCertificationRegister()
            .BuildServiceProvider();
    }

    private CertificationRegister Register => services.GetRequiredService<CertificationRegister>();

    public Task InitializeAsync() =>
        services.GetRequiredService<IssuanceDatabaseInitializer>().InitializeAsync(SeedAgencies.Agencies, SeedAgencies.Officers, CancellationToken.None);

    [Fact]
    public async Task Numbers_follow_each_other_with_labels_per_agency_book_and_year()
    {
        var first = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-1"), CancellationToken.None);
        var second = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-2"), CancellationToken.None);
        var other = await Register.NumberAsync(Request(SeedAgencies.BaDinh, "dossier-3"), CancellationToken.None);

        Assert.Equal(("1/2026", "01/2026-SCTĐT/BS"), (first.NumberLabel, first.BookLabel));
        Assert.Equal("2/2026", second.NumberLabel);
        Assert.Equal("1/2026", other.NumberLabel);
        Assert.Equal(new DateOnly(2026, 11, 26), first.CertificationDate);
    }

    [Fact]
    public async Task A_second_copy_of_the_same_original_keeps_its_number()
    {
        var first = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-1"), CancellationToken.None);
        await Register.MarkIssuedAsync(first.Id, CancellationToken.None);

        var again = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-1"), CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(RegisterEntryStatus.Issued, again.Status);
    }

    [Fact]
    public async Task A_voided_number_is_kept_and_never_given_again()
    {
        var failed = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-1"), CancellationToken.None);
        await Register.VoidAsync(failed.Id, "the officer's certificate had expired", CancellationToken.None);

        var retry = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-1"), CancellationToken.None);

        Assert.Equal("2/2026", retry.NumberLabel);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Register.MarkIssuedAsync(failed.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Numbering_restarts_with_the_Vietnamese_new_year_not_the_UTC_one()
    {
        // 31/12/2026 23:30 in Hanoi is still 2026 in UTC until 17:00: the register follows Hanoi.
        time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        var old = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-1"), CancellationToken.None);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero));
        var fresh = await Register.NumberAsync(Request(SeedAgencies.HoanKiem, "dossier-2"), CancellationToken.None);

        Assert.Equal("1/2026", old.NumberLabel);
        Assert.Equal(("1/2027", "01/2027-SCTĐT/BS"), (fresh.NumberLabel, fresh.BookLabel));
        Assert.Equal(new DateOnly(2027, 1, 1), fresh.CertificationDate);
    }

    [Fact]
    public async Task An_unknown_agency_gets_no_number() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => Register.NumberAsync(
            new NumberRequest("nowhere", "dossier-1", "cccd-2021-front", "x", 1, 2_000), CancellationToken.None));

    private static NumberRequest Request(Agency agency, string original) =>
        new(agency.Id, original, "cccd-2021-front", SeedAgencies.Officers.First(o => o.AgencyId == agency.Id).Id, 2, 4_000);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
