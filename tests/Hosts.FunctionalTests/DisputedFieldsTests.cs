using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.KioskSimulator.Submission;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The kiosk offers no free editing of recognised details: a citizen who says a field is wrong sends
/// the dossier to the officer, with the fields named, even when the document type would issue a clear
/// case without one.
/// </summary>
public sealed class DisputedFieldsTests(AutoApprovingGateway fixture) : IClassFixture<AutoApprovingGateway>
{
    [Fact]
    public async Task A_clear_case_is_issued_by_itself_but_one_with_a_disputed_field_waits_for_the_officer_with_the_field_named()
    {
        var ct = CancellationToken.None;
        var submitter = new DossierSubmitter(fixture.Kiosk());

        var clear = await submitter.SubmitAsync(SyntheticCase.Create("cccd", seed: 1000, KioskGatewayOnLoopback.Faces) with { WaitSeconds = 60 }, ct);
        Assert.Equal("Issued", clear.Status);

        var disputed = await submitter.SubmitAsync(SyntheticCase.Create("cccd", seed: 1001, KioskGatewayOnLoopback.Faces) with { WaitSeconds = 10, DisputedFields = ["fullName", "dateOfBirth"] }, ct);
        Assert.Equal("AwaitingOfficer", disputed.Status);
        var dossier = await fixture.Host.Services.GetRequiredService<DossierStore>().GetAsync(disputed.DossierId, ct);
        var task = Assert.Single(await fixture.Host.Services.GetRequiredService<IUserTaskService>().ListAsync(new UserTaskQuery(InstanceId: dossier!.InstanceId), ct));
        // Nothing else would have stopped it: the dispute alone sends it to the officer.
        Assert.False(task.FormData!["needsReview"]!.GetValue<bool>());
        Assert.Equal(["fullName", "dateOfBirth"], task.FormData!["disputedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("fullName, dateOfBirth", task.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disputed_fields_that_are_not_field_keys_are_refused()
    {
        var kiosk = fixture.Kiosk();
        var started = await kiosk.StartAsync("cccd", CancellationToken.None);
        var id = Guid.Parse(started["dossierId"]!.GetValue<string>());
        var refused = await Assert.ThrowsAsync<Samples.KioskSimulator.Client.KioskApiException>(() => kiosk.ConfirmAsync(id, null, ["<script>alert(1)</script>"], CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("invalid-input", refused.Code);
    }
}
