using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Kiosks;
using KioskCredential = SmartKiosk.Samples.KioskSimulator.Client.KioskCredential;
using SmartKiosk.Samples.KioskSimulator.Submission;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>
/// The gateway and the back office over one database, with a second kiosk in Ba Đình (the demo kiosk is
/// in Hoàn Kiếm), and CCCD liveness advisory (still test frames cannot blink) so a clean card is a clear
/// case: it waits for the officer labelled clear, as the batch approval needs.
/// </summary>
public class ClerkWorkspace : BackOfficeOverGateway
{
    public KioskCredential BaDinhKiosk { get; private set; } = null!;

    /// <summary>A second kiosk of Hoàn Kiếm (the demo kiosk's agency), e.g. to resume a dossier somewhere else.</summary>
    public KioskCredential SecondHoanKiemKiosk { get; private set; } = null!;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["DocumentTypes:Types:cccd:LivenessRequired"] = "false";
    }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        var registry = Host.Services.GetRequiredService<KioskRegistry>();
        await registry.RegisterAsync(new KioskRegistration("test-kiosk-bd", "Kiosk Ba Đình", SeedAgencies.BaDinh.Id, "UBND phường Ba Đình", "Tầng 1"), "test", CancellationToken.None);
        var secret = await registry.IssueSecretAsync("test-kiosk-bd", "test", CancellationToken.None);
        BaDinhKiosk = new KioskCredential(secret.DeviceId, secret.KeyId, secret.Secret, null);
        await registry.RegisterAsync(new KioskRegistration("test-kiosk-hk-2", "Kiosk Hoàn Kiếm 2", SeedAgencies.HoanKiem.Id, "Bưu điện Hoàn Kiếm", "Sảnh chính"), "test", CancellationToken.None);
        var second = await registry.IssueSecretAsync("test-kiosk-hk-2", "test", CancellationToken.None);
        SecondHoanKiemKiosk = new KioskCredential(second.DeviceId, second.KeyId, second.Secret, null);
    }

    /// <summary>A CCCD dossier submitted through the kiosk API, once it waits for the officer (followed on the live stream).</summary>
    public async Task<SubmissionResult> SubmitAwaitingOfficerAsync(int seed, KioskCredential? kiosk = null, string? email = null, IReadOnlyList<string>? disputed = null)
    {
        var submitter = new DossierSubmitter(Kiosk(kiosk));
        var submitted = await submitter.SubmitAsync(
            SyntheticCase.Create("cccd", seed, Faces) with { Email = email, DisputedFields = disputed ?? [] }, CancellationToken.None);
        var status = await submitter.WaitForStatusAsync(submitted.DossierId, "AwaitingOfficer", TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.Equal("AwaitingOfficer", status);
        return submitted;
    }

    /// <summary>The inbox line of a dossier as the given signed-in client sees it, or null.</summary>
    public static async Task<JsonObject?> InboxLineAsync(HttpClient client, Guid dossierId, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/inbox?take=100{query}");
        return page!["items"]!.AsArray().OfType<JsonObject>().FirstOrDefault(i => i["dossierId"]?.GetValue<string>() == dossierId.ToString());
    }
}
