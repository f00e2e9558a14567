using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Designer.Host;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// A blob store that fails while a copy is issued (simulated: <see cref="FaultInjectingBlobStore"/>) faults the
/// instance with an incident and loses nothing; once the store is back, the administrator's retry issues the copy —
/// one copy, one register number.
/// </summary>
public sealed class BlobStoreFaultTests(PostgresDatabaseFixture<BlobStoreFaultTests> database) : IClassFixture<PostgresDatabaseFixture<BlobStoreFaultTests>>
{
    [Fact]
    public async Task A_failing_blob_store_faults_the_issue_with_an_incident_and_a_retry_recovers_it()
    {
        FaultInjectingBlobStore? store = null;
        await using var host = new HostFactory<DesignerHostEntryPoint>(database.ConnectionString)
        {
            ServiceOverrides = services =>
            {
                var real = services.Single(d => d.ServiceType == typeof(IBlobStore));
                services.Remove(real);
                services.AddSingleton<IBlobStore>(sp => store = new FaultInjectingBlobStore((IBlobStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
            },
        };
        using var admin = await host.PublishSampleAsync("issue-copy");
        var (front, back) = new DocumentGenerator(seed: 62).IdCard(canCuoc2024: true, CaptureKind.Photo);
        var input = new JsonObject
        {
            ["agencyId"] = SeedAgencies.BaDinh.Id,
            ["officerId"] = SeedAgencies.BaDinhOfficer.Id,
            ["dossierId"] = "dossier-62",
            ["documentType"] = "can-cuoc-2024-front",
            ["pages"] = new JsonArray(await host.StoreBlobAsync(front.Image), await host.StoreBlobAsync(back.Image)),
            ["fee"] = 4000,
        };

        store!.FailWrites = true;
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionId = "issue-copy", input });
        var run = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var instance = run["instanceId"]!.ToString();

        Assert.Equal("Faulted", run["status"]!.ToString());
        Assert.True(store.RefusedWrites > 0);
        var incidents = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}"))!["incidents"]!.AsArray();
        Assert.Contains("No space left on device", Assert.Single(incidents)!["message"]!.ToString(), StringComparison.Ordinal);

        store.FailWrites = false;
        var retried = await admin.PostAsync(new Uri($"/api/instances/{instance}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("Finished", (await retried.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.ToString());
        var journal = await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal");
        Assert.Equal("Issued", journal!.Last(e => e!["activityId"]!.ToString() == "issue")!["outcomes"]!.ToString());
        await using var issuance = host.Services.GetRequiredService<IssuanceDbContextFactory>().Create();
        // The failed attempt either kept its number for the retry or voided it with the reason: never two live numbers.
        var entries = await issuance.RegisterEntries.AsNoTracking().ToListAsync();
        Assert.Equal(RegisterEntryStatus.Issued, Assert.Single(entries, e => e.Status != RegisterEntryStatus.Voided).Status);
    }
}
