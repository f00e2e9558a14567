using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Delivery.Email;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.Samples.KioskSimulator.Submission;
using SmartKiosk.TestSupport.Faces;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// A whole kiosk session over a real socket against the gateway on PostgreSQL, driven by the kiosk
/// simulator's client (signed requests): the default CCCD workflow with a generated card and camera
/// frames, the officer's approval through the engine's task API, and a copy judged by poppler
/// (pdfsig, pdftoppm) and zbar — none of them our code — and e-mailed to an SMTP server on a socket.
/// </summary>
public sealed class KioskEndToEndTests(KioskGatewayOnLoopback fixture) : IClassFixture<KioskGatewayOnLoopback>
{
    private static IReadOnlyList<(string Name, byte[] Jpeg)> Faces => KioskGatewayOnLoopback.Faces;

    [Fact]
    public async Task A_citizen_with_the_same_face_gets_a_signed_copy_once_the_officer_approves()
    {
        var ct = CancellationToken.None;
        var kiosk = fixture.Kiosk();
        var submission = SyntheticCase.Create("cccd", seed: 11, Faces) with { Email = "cong.dan@example.vn" };

        var submitted = await new DossierSubmitter(kiosk).SubmitAsync(submission, ct);

        // Still frames make no blink or turn, so the liveness check sends the case to the officer.
        Assert.Equal("AwaitingOfficer", submitted.Status);
        Assert.Matches("^[0-9]{12}$", submitted.Fields["idNumber"]);
        Assert.Equal(2000, submitted.FeeDong);
        Assert.True(submitted.Timings.ContainsKey("payment"), "the fee was paid with the sandbox wallet");

        // The kiosk follows the progress live while the officer approves.
        var issued = FollowUntilEndedAsync(kiosk, submitted.DossierId, ct);
        var task = await fixture.ActAsOfficerAsync(submitted.DossierId, "Approve");
        Assert.Equal(["Approve", "Reject", "Rescan"], task.Actions);
        var view = await issued.WaitAsync(TimeSpan.FromSeconds(90), ct);

        Assert.Equal("Issued", view["status"]!.GetValue<string>());
        var copy = view["copy"]!;
        var verificationUrl = copy["verificationUrl"]!.GetValue<string>();
        Assert.StartsWith(fixture.Address.ToString(), verificationUrl, StringComparison.Ordinal);

        using var browser = new HttpClient();
        var pdf = await browser.GetByteArrayAsync(copy["downloadUrl"]!.GetValue<string>(), ct);
        var path = Path.Combine(fixture.Host.DataPath, $"{submitted.DossierId}.pdf");
        await File.WriteAllBytesAsync(path, pdf, ct);

        var (_, pdfsig) = CommandLine.Run("pdfsig", "-nssdir", $"sql:{fixture.NssFolder}", path);
        Assert.True(Count(pdfsig, "Signature Validation: Signature is Valid.") == 2, pdfsig);
        Assert.Equal(2, Count(pdfsig, "Certificate Validation: Certificate is Trusted."));
        Assert.Contains("Signer Certificate Common Name: Nguyễn Thị Lan", pdfsig, StringComparison.Ordinal);

        // The QR code sits on the statement, the last page (the card's own QR is on the first).
        var (_, info) = CommandLine.Run("pdfinfo", path);
        var pages = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim();
        var image = Path.ChangeExtension(path, null) + "-statement";
        CommandLine.Run("pdftoppm", "-r", "150", "-png", "-f", pages, "-l", pages, "-singlefile", path, image);
        var (_, qr, _) = CommandLine.RunSeparately("zbarimg", "--quiet", "--raw", image + ".png");
        Assert.Equal(verificationUrl, qr.Trim());

        // The e-mail arrives at a real SMTP server, with the same PDF attached and a stable Message-ID.
        var issuedDossier = await Services.GetRequiredService<DossierStore>().GetAsync(submitted.DossierId, ct);
        var mail = await fixture.Mail.WaitForAsync(CopyEmail.MessageId(submitted.DossierId, issuedDossier!.CopyId!.Value), TimeSpan.FromSeconds(60));
        Assert.Equal("cong.dan@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Contains(copy["verificationCode"]!.GetValue<string>(), mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Bản sao điện tử có chứng thực", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("certified electronic copy", mail.TextBody, StringComparison.Ordinal);
        var attached = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        using (var decoded = new MemoryStream())
        {
            await attached.Content!.DecodeToAsync(decoded, ct);
            Assert.Equal(pdf, decoded.ToArray());
        }

        var status = await browser.GetFromJsonAsync<JsonObject>(new Uri(fixture.Address, $"/api/public/dossiers/{submitted.ReceiptCode}"), ct);
        Assert.Equal("Issued", status!["status"]!.GetValue<string>());
        Assert.Equal(copy["verificationCode"]!.GetValue<string>(), status["copy"]!["verificationCode"]!.GetValue<string>());

        var audit = Services.GetRequiredService<IAuditLog>();
        var trail = await audit.ReadAsync(AuditSubjects.Dossier, submitted.DossierId.ToString(), ct);
        Assert.True((await audit.VerifyAsync(AuditSubjects.Dossier, submitted.DossierId.ToString(), ct)).IsIntact);
        Assert.Contains(trail, e => e.Action == "created");
        Assert.Contains(trail, e => e.Action == "status-changed" && e.Data?["status"]?.GetValue<string>() == "Issued");
    }

    [Fact]
    public async Task A_different_face_ends_in_review_or_refusal_never_in_a_copy()
    {
        var ct = CancellationToken.None;
        var kiosk = fixture.Kiosk();
        var submission = SyntheticCase.Create("cccd", seed: 12, Faces, frameFace: 15);

        var submitted = await new DossierSubmitter(kiosk).SubmitAsync(submission with { WaitSeconds = 5 }, ct);

        Assert.True(submitted.Status is "Refused" or "AwaitingOfficer", submitted.Status);
        Assert.Null(submitted.VerificationCode);
        Assert.Null(submitted.DownloadUrl);
        if (submitted.Status == "Refused")
        {
            Assert.Contains(submitted.Reasons, r => r.Code is "face-mismatch" or "different-person");
        }
        var dossier = await Services.GetRequiredService<DossierStore>().GetAsync(submitted.DossierId, ct);
        Assert.Null(dossier!.CopyId);
    }

    [Fact]
    public async Task A_fee_not_paid_ends_the_dossier_refused_with_the_reason()
    {
        var ct = CancellationToken.None;
        var kiosk = fixture.Kiosk();
        var submitted = await new DossierSubmitter(kiosk).SubmitAsync(SyntheticCase.Create("cccd", seed: 13, Faces) with { Pay = false }, ct);

        Assert.Equal("AwaitingPayment", submitted.Status);
        var waiting = await kiosk.GetAsync(submitted.DossierId, ct);
        var reference = waiting["payment"]!["reference"]!.GetValue<string>();
        Assert.StartsWith("SANDBOX|" + reference + "|2000|VND", waiting["payment"]!["qrPayload"]!.GetValue<string>(), StringComparison.Ordinal);

        using var wallet = new HttpClient { BaseAddress = fixture.Address };
        using var failed = await wallet.PostAsync($"/api/sandbox/payments/{reference}?outcome=failed", null, ct);
        using var paidLate = await wallet.PostAsync($"/api/sandbox/payments/{reference}?outcome=paid", null, ct);
        var view = await kiosk.GetAsync(submitted.DossierId, ct);

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("Failed", (await paidLate.Content.ReadFromJsonAsync<JsonObject>(ct))!["status"]!.GetValue<string>());
        Assert.Equal("Refused", view["status"]!.GetValue<string>());
        Assert.Equal("payment-failed", view["reasons"]![0]!["code"]!.GetValue<string>());
        Assert.Null(view["copy"]);
    }

    [Fact]
    public async Task A_rescan_the_officer_asks_for_is_resumed_by_receipt_code_at_another_kiosk_of_the_agency()
    {
        var ct = CancellationToken.None;
        var submission = SyntheticCase.Create("cccd", seed: 14, Faces) with { Email = "quet.lai@example.vn" };
        var submitted = await new DossierSubmitter(fixture.Kiosk()).SubmitAsync(submission, ct);
        Assert.Equal("AwaitingOfficer", submitted.Status);
        await fixture.ActAsOfficerAsync(submitted.DossierId, "Rescan");

        var sameAgency = await RegisterKioskAsync("hn-hoan-kiem");
        var otherAgency = await RegisterKioskAsync("hn-ba-dinh");
        var elsewhere = await Assert.ThrowsAsync<KioskApiException>(() => otherAgency.ResumeAsync(submitted.ReceiptCode!, ct));
        var resumed = await sameAgency.ResumeAsync(submitted.ReceiptCode!.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), ct);
        var upload = await sameAgency.UploadAsync(submitted.DossierId, "page", submission.Pages[0], "Scanner", ct);
        var rescanned = await sameAgency.ScanAsync(submitted.DossierId, [upload["sha256"]!.GetValue<string>()], "Scanner", ct);
        var firstKiosk = await Assert.ThrowsAsync<KioskApiException>(() => fixture.Kiosk().GetAsync(submitted.DossierId, ct));

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
        Assert.Equal(("AwaitingRescan", "kiosk.rescan"), (resumed["status"]!.GetValue<string>(), resumed["stage"]!.GetValue<string>()));
        Assert.Equal(("Capturing", "kiosk.consent"), (rescanned["status"]!.GetValue<string>(), rescanned["stage"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, firstKiosk.Status);
        var trail = await Services.GetRequiredService<IAuditLog>().ReadAsync(AuditSubjects.Dossier, submitted.DossierId.ToString(), ct);
        Assert.Contains(trail, e => e.Action == "resumed");

        // After the new scan the citizen shows their face again (the card may be another one) and
        // confirms the new details, but the fee paid the first time is not asked for twice.
        await sameAgency.ConsentAsync(submitted.DossierId, true, ct);
        var frames = new List<string>();
        foreach (var frame in submission.Frames)
        {
            frames.Add((await sameAgency.UploadAsync(submitted.DossierId, "frame", frame, "Camera", ct))["sha256"]!.GetValue<string>());
        }
        await sameAgency.IdentityAsync(submitted.DossierId, frames, null, ct);
        var reconfirmed = await sameAgency.ConfirmAsync(submitted.DossierId, null, null, ct);
        Assert.Equal("AwaitingOfficer", reconfirmed["status"]!.GetValue<string>());
        Assert.Null(reconfirmed["payment"]);

        // The citizen, gone from the kiosk, was told by e-mail how to resume.
        var notice = await fixture.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "quet.lai@example.vn"), TimeSpan.FromSeconds(60));
        Assert.Contains(submitted.ReceiptCode!, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("scan your document again", notice.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_progress_stream_resumes_after_the_last_event_the_kiosk_saw()
    {
        var ct = CancellationToken.None;
        var kiosk = fixture.Kiosk();
        var started = await kiosk.StartAsync("cccd", ct);
        var id = Guid.Parse(started["dossierId"]!.GetValue<string>());
        var withdrawn = await kiosk.WithdrawAsync(id, ct);
        var revision = withdrawn["revision"]!.GetValue<int>();

        async Task<List<JsonObject>> EventsAfterAsync(int? lastSeen)
        {
            using var http = new HttpClient { BaseAddress = fixture.Address };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/kiosk/dossiers/{id}/events");
            if (lastSeen is { } last)
            {
                request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            new RequestSigner(fixture.DemoKiosk, TimeProvider.System).Sign(request, RequestSigner.Sha256([]));
            using var response = await http.SendAsync(request, ct);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync(ct);
            return [.. text.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => (JsonObject)JsonNode.Parse(l[5..])!)];
        }

        var fresh = await EventsAfterAsync(null);
        var missedOne = await EventsAfterAsync(revision - 1);
        var upToDate = await EventsAfterAsync(revision);

        Assert.Equal("Withdrawn", Assert.Single(fresh)["status"]!.GetValue<string>());
        Assert.Equal(revision, Assert.Single(missedOne)["revision"]!.GetValue<int>());
        Assert.Empty(upToDate);
    }

    private async Task<KioskApiClient> RegisterKioskAsync(string agencyId)
    {
        var registry = Services.GetRequiredService<KioskRegistry>();
        var id = $"kiosk-{agencyId}-{Guid.NewGuid():N}"[..40];
        await registry.RegisterAsync(new KioskRegistration(id, "Kiosk", agencyId, "Một cửa", "Sảnh"), "admin", CancellationToken.None);
        var issued = await registry.IssueSecretAsync(id, "admin", CancellationToken.None);
        return fixture.Kiosk(new Samples.KioskSimulator.Client.KioskCredential(issued.DeviceId, issued.KeyId, issued.Secret, null));
    }

    private IServiceProvider Services => fixture.Host.Services;

    private static async Task<JsonObject> FollowUntilEndedAsync(KioskApiClient kiosk, Guid dossierId, CancellationToken ct)
    {
        JsonObject? last = null;
        await foreach (var view in kiosk.EventsAsync(dossierId, ct))
        {
            last = view;
            if (DossierSubmitter.IsEnded(view))
            {
                break;
            }
        }
        return last ?? throw new InvalidOperationException("The progress stream ended without an event.");
    }

    private static int Count(string text, string line) => text.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal));
}
