using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Issuance.Verification;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>Revocation through the back office's API: administrators only, with a reason, audited, visible to verification.</summary>
public sealed class CopiesApiTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    [Fact]
    public async Task An_administrator_revokes_a_copy_with_a_reason_and_the_revocation_is_audited()
    {
        var copy = await IssueAsync("revoke-1");
        using var admin = await fixture.Host.SignInAsync("admin");
        using var clerk = await fixture.Host.SignInAsync("clerk");

        var byClerk = await clerk.PostAsJsonAsync($"/api/copies/{copy.CopyId}/revoke", new { reason = "forged original" });
        var noReason = await admin.PostAsJsonAsync($"/api/copies/{copy.CopyId}/revoke", new { reason = "  " });
        var revoked = await admin.PostAsJsonAsync($"/api/copies/{copy.CopyId}/revoke", new { reason = "forged original" });
        var again = await admin.PostAsJsonAsync($"/api/copies/{copy.CopyId}/revoke", new { reason = "forged original" });
        var unknown = await admin.PostAsJsonAsync($"/api/copies/{Guid.NewGuid()}/revoke", new { reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var status = await fixture.Host.Services.GetRequiredService<CopyVerifier>().ByCodeAsync(copy.VerificationCode, CancellationToken.None);
        Assert.Equal((CopyStatus.Revoked, "forged original"), (status.Status, status.RevocationReason));
        var trail = await admin.GetFromJsonAsync<JsonArray>($"/api/audit/certified-copy/{copy.CopyId}");
        var entry = Assert.Single(trail!);
        Assert.Equal(("revoked", "admin"), (entry!["action"]!.ToString(), entry["actor"]!.ToString()));
    }

    private async Task<IssuedCopy> IssueAsync(string original)
    {
        var (front, back) = new DocumentGenerator(seed: 71).IdCard(canCuoc2024: false, CaptureKind.Scan);
        return await fixture.Host.Services.GetRequiredService<CopyIssuer>().IssueAsync(
            new IssueRequest(SeedAgencies.HoanKiem.Id, SeedAgencies.HoanKiemOfficer.Id, original, "cccd-2021-front",
                new LocalizedText("Căn cước công dân", "Citizen identity card"), [new(front.Image, 85.6, 54), new(back.Image, 85.6, 54)], 4_000),
            CancellationToken.None);
    }
}
