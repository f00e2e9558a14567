using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.KioskGateway;
using SmartKiosk.TestSupport.Scans;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The retention job on the gateway over PostgreSQL, with the gateway's clock moved by the test: an
/// abandoned session expires (instance cancelled, uploads deleted); an ended dossier keeps its scans for
/// the retention period, then loses them and its contact address.
/// </summary>
public sealed class DossierRetentionTests(PostgresGatewayHost fixture) : IClassFixture<PostgresGatewayHost>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<GatewayEntryPoint> _host = null!;

    public Task InitializeAsync()
    {
        // The test runs the retention passes itself: the host's own periodic pass would race them on the fake clock
        // (its tick at 20 minutes could expire the dossier before the test's pass at 21 and leave that pass nothing to do).
        _host = fixture.Host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            foreach (var worker in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DossierRetentionService)).ToList())
            {
                s.Remove(worker);
            }
        }));
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_abandoned_session_expires_and_its_uploads_are_deleted()
    {
        var (dossiers, retention, blobs) = Services();
        var (dossier, _) = await dossiers.StartAsync("demo-kiosk-hk", "hn-hoan-kiem", "cccd", "abandoned", CancellationToken.None);
        var page = await StoreAsync(blobs, dossiers, dossier.Id, seed: 1);

        _time.Advance(TimeSpan.FromMinutes(19));
        var early = await retention.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var due = await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, early.Expired);
        Assert.True(due.Expired >= 1);
        var (expired, _) = await dossiers.GetAsync(dossier.Id, CancellationToken.None);
        Assert.Equal(DossierStatus.Expired, expired.Status);
        Assert.NotNull(expired.PurgedAt);
        Assert.False(await blobs.ExistsAsync(page, CancellationToken.None));
        var instance = await _host.Services.GetRequiredService<IWorkflowInstanceQueries>().GetAsync(expired.InstanceId!.Value, CancellationToken.None);
        Assert.Equal(WorkflowStatus.Cancelled, instance!.Status);
    }

    [Fact]
    public async Task Scans_of_an_ended_dossier_are_kept_for_the_retention_period_then_deleted()
    {
        var (dossiers, retention, blobs) = Services();
        var (dossier, _) = await dossiers.StartAsync("demo-kiosk-hk", "hn-hoan-kiem", "cccd", "ended", CancellationToken.None);
        var page = await StoreAsync(blobs, dossiers, dossier.Id, seed: 2);
        await dossiers.SetContactEmailAsync(dossier.Id, "cong.dan@example.vn", "kiosk:demo-kiosk-hk", CancellationToken.None);
        await dossiers.WithdrawAsync(dossier.Id, "kiosk:demo-kiosk-hk", CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(29));
        await retention.RunOnceAsync(CancellationToken.None);
        var kept = (await dossiers.GetAsync(dossier.Id, CancellationToken.None)).Dossier;
        var keptPage = await blobs.ExistsAsync(page, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(2));
        await retention.RunOnceAsync(CancellationToken.None);
        var purged = (await dossiers.GetAsync(dossier.Id, CancellationToken.None)).Dossier;

        Assert.True(keptPage);
        Assert.Null(kept.PurgedAt);
        Assert.Equal("cong.dan@example.vn", kept.ContactEmail);
        Assert.NotNull(purged.PurgedAt);
        Assert.Null(purged.ContactEmail);
        Assert.Equal(DossierStatus.Withdrawn, purged.Status);
        Assert.False(await blobs.ExistsAsync(page, CancellationToken.None));
    }

    private (DossierService Dossiers, DossierRetention Retention, IBlobStore Blobs) Services() =>
        (_host.Services.GetRequiredService<DossierService>(), _host.Services.GetRequiredService<DossierRetention>(), _host.Services.GetRequiredService<IBlobStore>());

    private static async Task<string> StoreAsync(IBlobStore blobs, DossierService dossiers, Guid dossierId, int seed)
    {
        using var content = new MemoryStream(ScanBytes.Png(40 + seed, 30));
        var stored = await blobs.PutAsync(content, CancellationToken.None);
        await dossiers.AddUploadAsync(dossierId, stored.Sha256, "page", "kiosk:demo-kiosk-hk", CancellationToken.None);
        return stored.Sha256;
    }
}
