using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Verification;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>The sample issue-copy workflow on the back office's engine and PostgreSQL: the copy it issues verifies.</summary>
public sealed class IssuanceWorkflowTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    [Fact]
    public async Task The_workflow_issues_a_copy_that_verifies_by_code_and_by_file()
    {
        using var admin = await fixture.Host.PublishSampleAsync("issue-copy");
        var (front, back) = new DocumentGenerator(seed: 61).IdCard(canCuoc2024: true, CaptureKind.Photo);
        var input = new JsonObject
        {
            ["agencyId"] = SeedAgencies.BaDinh.Id,
            ["officerId"] = SeedAgencies.BaDinhOfficer.Id,
            ["dossierId"] = "dossier-61",
            ["documentType"] = "can-cuoc-2024-front",
            ["pages"] = new JsonArray(await fixture.Host.StoreBlobAsync(front.Image), await fixture.Host.StoreBlobAsync(back.Image)),
            ["fee"] = 4000,
        };

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionId = "issue-copy", input });
        var instance = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.ToString();
        var journal = await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal");
        var issue = journal!.Single(e => e!["activityId"]!.ToString() == "issue")!;

        Assert.Equal("Issued", issue["outcomes"]!.ToString());
        var outputs = issue["outputs"]!;
        var verifier = fixture.Host.Services.GetRequiredService<CopyVerifier>();
        var byCode = await verifier.ByCodeAsync(outputs["VerificationCode"]!.ToString(), CancellationToken.None);
        var pdf = await fixture.Host.Services.GetRequiredService<IBlobStore>().ReadAsync(outputs["Sha256"]!.ToString(), CancellationToken.None);
        var byFile = await verifier.ByPdfAsync(pdf, CancellationToken.None);
        Assert.Equal(CopyStatus.Valid, byCode.Status);
        Assert.Equal(SeedAgencies.BaDinh.Name, byCode.Agency);
        Assert.Matches(@"^1/20\d\d$", outputs["CertificationNumber"]!.ToString());
        Assert.True(byFile.Authentic, string.Join(", ", byFile.Findings));
    }

}
