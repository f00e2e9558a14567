using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Audit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Scheduling;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The clerk workspace's REST API over real dossiers from kiosks: each agency's clerks see and act only on
/// their own; approval signs with the approving officer's own certificate (checked by pdfsig), with
/// corrections audited by field name (never by value); rejection on Art. 22 grounds reaches the citizen's view; two
/// officers on one task — one wins; a batch needs the password again.
/// </summary>
public sealed class ClerkWorkspaceApiTests(ClerkWorkspace fixture) : IClassFixture<ClerkWorkspace>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] Damaged = ["art22-damaged"];
    private static readonly string[] Unknown = ["because"];
    private static readonly string[] Other = ["other"];

    [Fact]
    public async Task Clerks_see_and_act_only_within_their_agency_and_an_approval_is_signed_by_the_approving_officer()
    {
        var hoanKiem = await fixture.SubmitAwaitingOfficerAsync(seed: 1000);
        var baDinh = await fixture.SubmitAwaitingOfficerAsync(seed: 1001, fixture.BaDinhKiosk);
        var lan = await fixture.BackOffice.SignInAsync("clerk");
        var tuan = await fixture.BackOffice.SignInAsync("clerk2");
        var duc = await fixture.BackOffice.SignInAsync("clerk-bd");
        var auditor = await fixture.BackOffice.SignInAsync("auditor");

        var line = await ClerkWorkspace.InboxLineAsync(lan, hoanKiem.DossierId);
        Assert.NotNull(line);
        Assert.Equal(("cccd", true, "OnTime"), (line["documentType"]!.GetValue<string>(), line["clear"]!.GetValue<bool>(), line["sla"]!.GetValue<string>()));
        Assert.Null(await ClerkWorkspace.InboxLineAsync(lan, baDinh.DossierId));
        Assert.Null(await ClerkWorkspace.InboxLineAsync(duc, hoanKiem.DossierId));
        var foreign = (await ClerkWorkspace.InboxLineAsync(duc, baDinh.DossierId))!["taskId"]!.GetValue<string>();
        Assert.NotNull(await ClerkWorkspace.InboxLineAsync(auditor, baDinh.DossierId));

        // Another agency's task does not exist for Lan, whichever door she tries.
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/api/reviews/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/api/reviews/{foreign}/pages/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lan.PostAsJsonAsync($"/api/reviews/{foreign}/approve", new { expectedRevision = 1, operationId = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/api/tasks/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lan.PostAsJsonAsync($"/api/tasks/{foreign}/claim", new { expectedRevision = 1, operationId = "y" })).StatusCode);
        // An auditor reads, never acts.
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/reviews/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/reviews/{foreign}/reject", new { expectedRevision = 1, operationId = "z", grounds = Damaged })).StatusCode);

        var taskId = line["taskId"]!.GetValue<string>();
        var review = await lan.GetFromJsonAsync<JsonObject>($"/api/reviews/{taskId}");
        var fields = review!["fields"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Contains(fields, f => f["key"]!.GetValue<string>() == "idNumber" && f["value"]!.GetValue<string>() == hoanKiem.Fields["idNumber"]);
        Assert.Equal("Match", review["face"]!["outcome"]!.GetValue<string>());
        Assert.InRange(review["face"]!["distance"]!.GetValue<double>(), 0, 0.5);
        Assert.True(review["pageCount"]!.GetValue<int>() >= 1);
        var page = await lan.GetAsync($"/api/reviews/{taskId}/pages/1");
        Assert.Equal(("image", "no-store"), (page.Content.Headers.ContentType!.MediaType!.Split('/')[0], page.Headers.CacheControl!.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/api/reviews/{taskId}/pages/9")).StatusCode);

        // The generic task API cannot decide a certification review (nor name its signer).
        var generic = await lan.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { action = "Approve", formData = new { officerId = "hk-officer-2" }, expectedRevision = line["revision"]!.GetValue<int>(), operationId = "generic" });
        Assert.Equal(HttpStatusCode.BadRequest, generic.StatusCode);

        // Two officers act on the same revision: one wins, the other is told.
        var revision = line["revision"]!.GetValue<int>();
        var correctedName = fields.Single(f => f["key"]!.GetValue<string>() == "fullName")["value"]!.GetValue<string>() + " THỊ";
        var first = await lan.PostAsJsonAsync($"/api/reviews/{taskId}/approve",
            new { expectedRevision = revision, operationId = "lan-approve", corrections = new[] { new { field = "fullName", value = correctedName } } });
        var second = await tuan.PostAsJsonAsync($"/api/reviews/{taskId}/approve", new { expectedRevision = revision, operationId = "tuan-approve" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Issued", (await first.Content.ReadFromJsonAsync<JsonObject>())!["dossierStatus"]!.GetValue<string>());

        var view = await fixture.Kiosk().GetAsync(hoanKiem.DossierId, Ct);
        using var download = new HttpClient();
        var path = Path.Combine(fixture.Host.DataPath, $"{hoanKiem.DossierId}.pdf");
        await File.WriteAllBytesAsync(path, await download.GetByteArrayAsync(view["copy"]!["downloadUrl"]!.GetValue<string>(), Ct), Ct);
        var (_, pdfsig) = CommandLine.Run("pdfsig", "-nssdir", $"sql:{fixture.NssFolder}", path);
        Assert.Contains("Signer Certificate Common Name: Nguyễn Thị Lan", pdfsig, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: Ủy ban nhân dân phường Hoàn Kiếm", pdfsig, StringComparison.Ordinal);
        Assert.Equal(2, pdfsig.Split("Signature Validation: Signature is Valid.").Length - 1);

        // The correction is in the audit chain by field name, never by value (the chain is kept for good).
        var trail = await fixture.BackOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(AuditSubjects.Task, taskId, Ct);
        var completed = trail.Single(e => e.Action == "task.completed");
        Assert.Equal(("clerk", "hk-officer-1", "fullName"), (completed.Actor, completed.Data!["officerId"]!.GetValue<string>(), completed.Data["corrections"]![0]!["field"]!.GetValue<string>()));
        Assert.DoesNotContain(correctedName, completed.Data.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(hoanKiem.Fields["fullName"], completed.Data.ToJsonString(), StringComparison.Ordinal);
        var decided = await lan.GetFromJsonAsync<JsonObject>($"/api/reviews/{taskId}");
        Assert.Equal(["fullName"], decided!["decision"]!["correctedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rejection_on_Art_22_grounds_refuses_the_dossier_with_those_words_and_unknown_grounds_are_refused()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1002, disputed: ["fullName"]);
        var lan = await fixture.BackOffice.SignInAsync("clerk");
        var line = (await ClerkWorkspace.InboxLineAsync(lan, submitted.DossierId, "&review=doubtful"))!;
        Assert.Contains("disputed-fields", line["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        var taskId = line["taskId"]!.GetValue<string>();

        // A supervisor hands it to an officer of its own agency only.
        var admin = await fixture.BackOffice.SignInAsync("admin");
        var wrongWard = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { assignee = "clerk-bd", expectedRevision = line["revision"]!.GetValue<int>(), operationId = "a1" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongWard.StatusCode);
        var assigned = await (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { assignee = "clerk", expectedRevision = line["revision"]!.GetValue<int>(), operationId = "a2" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("clerk", assigned!["assignee"]!.GetValue<string>());
        var revision = assigned["revision"]!.GetValue<int>();
        var grounds = await lan.GetFromJsonAsync<JsonArray>("/api/reviews/rejection-grounds");
        Assert.Contains(grounds!, g => g!["code"]!.GetValue<string>() == "art22-secret");

        var unknown = await lan.PostAsJsonAsync($"/api/reviews/{taskId}/reject", new { expectedRevision = revision, operationId = "r0", grounds = Unknown });
        var otherWithoutNote = await lan.PostAsJsonAsync($"/api/reviews/{taskId}/reject", new { expectedRevision = revision, operationId = "r1", grounds = Other });
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, otherWithoutNote.StatusCode));

        var rejected = await lan.PostAsJsonAsync($"/api/reviews/{taskId}/reject",
            new { expectedRevision = revision, operationId = "r2", grounds = Damaged, note = "<b>Ảnh mờ</b> góc phải" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var view = await fixture.Kiosk().GetAsync(submitted.DossierId, Ct);
        Assert.Equal("Refused", view["status"]!.GetValue<string>());
        var reasons = view["reasons"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Contains(reasons, r => r["code"]!.GetValue<string>() == "art22-damaged" && r["message"]!["vi"]!.GetValue<string>().Contains("Điều 22 khoản 2", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r["code"]!.GetValue<string>() == "other" && r["message"]!["vi"]!.GetValue<string>() == "<b>Ảnh mờ</b> góc phải");
    }

    [Fact]
    public async Task A_rescan_request_reaches_the_citizen_by_email_and_the_dossier_resumes_at_another_kiosk_of_the_agency()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1000, email: "nguoi.dan@example.vn");
        var lan = await fixture.BackOffice.SignInAsync("clerk");
        var line = (await ClerkWorkspace.InboxLineAsync(lan, submitted.DossierId))!;

        var rescan = await lan.PostAsJsonAsync($"/api/reviews/{line["taskId"]}/rescan",
            new { expectedRevision = line["revision"]!.GetValue<int>(), operationId = "rescan-1", note = "Ảnh bị lóa ở góc trên" });
        Assert.Equal(HttpStatusCode.OK, rescan.StatusCode);

        var mail = await fixture.Mail.WaitForAsync(m => m.Subject?.Contains(submitted.ReceiptCode!, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
        Assert.Equal("nguoi.dan@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Contains(submitted.ReceiptCode!, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("AwaitingRescan", (await fixture.Kiosk().GetAsync(submitted.DossierId, Ct))["status"]!.GetValue<string>());

        // Another agency's kiosk does not know the code; another kiosk of the same agency takes the dossier over.
        var elsewhere = await Assert.ThrowsAsync<Samples.KioskSimulator.Client.KioskApiException>(() => fixture.Kiosk(fixture.BaDinhKiosk).ResumeAsync(submitted.ReceiptCode!, Ct));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
        var resumed = await fixture.Kiosk(fixture.SecondHoanKiemKiosk).ResumeAsync(submitted.ReceiptCode!, Ct);
        Assert.Equal(submitted.DossierId.ToString(), resumed["dossierId"]!.GetValue<string>());
        Assert.Equal("kiosk.rescan", resumed["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_hour_before_the_deadline_the_task_becomes_urgent_and_the_agency_officers_are_told_by_email()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1001);
        var lan = await fixture.BackOffice.SignInAsync("clerk");
        var taskId = Guid.Parse((await ClerkWorkspace.InboxLineAsync(lan, submitted.DossierId))!["taskId"]!.GetValue<string>());
        var task = (await fixture.BackOffice.Services.GetRequiredService<IUserTaskService>().GetAsync(taskId, Ct))!;
        // The legal deadline: 17:00 Hanoi time the same working day, or the next one after 15:00; the warning an hour before.
        Assert.Equal(task.DueAt!.Value.AddHours(-1), task.DueSoonAt);
        Assert.Equal(17, TimeZoneInfo.ConvertTimeFromUtc(task.DueAt.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).Hour);

        // A back-office node whose clock says it is a minute past the warning time starts: rebuilding its timers
        // from the rows, it fires the task's (as Quartz would at that time); the notice goes out through the work
        // queue to the agency's officers.
        var later = new FakeTimeProvider(new DateTimeOffset(task.DueSoonAt!.Value, TimeSpan.Zero).AddMinutes(1));
        MimeKit.MimeMessage mail;
        await using (var node = fixture.BackOffice.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(later))))
        {
            await node.Services.GetRequiredService<TimerDispatcher>().FireDueAsync(Ct);
            mail = await fixture.Mail.WaitForAsync($"due-soon-{taskId}@smartkiosk.local", TimeSpan.FromSeconds(30));
        }

        var to = mail.To.Mailboxes.Select(m => m.Address).ToList();
        Assert.Contains("clerk@smartkiosk.local", to);
        Assert.Contains("clerk2@smartkiosk.local", to);
        Assert.DoesNotContain("clerk-bd@smartkiosk.local", to);
        var line = (await ClerkWorkspace.InboxLineAsync(lan, submitted.DossierId, "&due=soon"))!;
        Assert.Equal(("DueSoon", "Urgent"), (line["sla"]!.GetValue<string>(), line["priority"]!.GetValue<string>()));
        Assert.Contains("task.due-soon", (await fixture.BackOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(AuditSubjects.Task, taskId.ToString(), Ct)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_batch_needs_the_password_again_and_approves_only_clear_dossiers_each_signed()
    {
        var clear = await fixture.SubmitAwaitingOfficerAsync(seed: 1001);
        var doubtful = await fixture.SubmitAwaitingOfficerAsync(seed: 1004, disputed: ["dateOfBirth"]);
        var tuan = await fixture.BackOffice.SignInAsync("clerk2");
        var lines = new List<JsonObject>();
        foreach (var id in new[] { clear.DossierId, doubtful.DossierId })
        {
            lines.Add((await ClerkWorkspace.InboxLineAsync(tuan, id))!);
        }
        var items = lines.Select(l => new { taskId = l["taskId"]!.GetValue<string>(), expectedRevision = l["revision"]!.GetValue<int>() }).ToList();

        var withoutPassword = await tuan.PostAsJsonAsync("/api/reviews/batch-approve", new { reauthToken = "forged", operationId = "b1", items });
        Assert.Equal(HttpStatusCode.Forbidden, withoutPassword.StatusCode);
        var wrong = await tuan.PostAsJsonAsync("/api/reauth", new { password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var grant = await (await tuan.PostAsJsonAsync("/api/reauth", new { password = fixture.BackOffice.PasswordOf("clerk2") })).Content.ReadFromJsonAsync<JsonObject>();

        var batch = await tuan.PostAsJsonAsync("/api/reviews/batch-approve", new { reauthToken = grant!["token"]!.GetValue<string>(), operationId = "b2", items });
        var result = (await batch.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.True((1, 1) == (result["approved"]!.GetValue<int>(), result["failed"]!.GetValue<int>()), result.ToJsonString());
        Assert.Equal("Issued", (await fixture.Kiosk().GetAsync(clear.DossierId, Ct))["status"]!.GetValue<string>());
        Assert.Equal("AwaitingOfficer", (await fixture.Kiosk().GetAsync(doubtful.DossierId, Ct))["status"]!.GetValue<string>());
        var trail = await fixture.BackOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(AuditSubjects.Task, items[0].taskId, Ct);
        Assert.Equal("hk-officer-2", trail.Single(e => e.Action == "task.completed").Data!["officerId"]!.GetValue<string>());
        // Another clerk's token is not Tuấn's.
        var lan = await fixture.BackOffice.SignInAsync("clerk");
        var stolen = await lan.PostAsJsonAsync("/api/reviews/batch-approve", new { reauthToken = grant["token"]!.GetValue<string>(), operationId = "b3", items });
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
    }

    [Fact]
    public async Task An_instances_personal_variables_are_masked_for_auditors_and_shown_to_administrators()
    {
        var submitted = await fixture.SubmitAwaitingOfficerAsync(seed: 1002);
        var dossier = await fixture.Host.Services.GetRequiredService<SmartKiosk.Activities.Dossiers.DossierStore>().GetAsync(submitted.DossierId, Ct);
        using var auditor = await fixture.BackOffice.SignInAsync("auditor");
        using var admin = await fixture.BackOffice.SignInAsync("admin");

        var seenByAuditor = await auditor.GetFromJsonAsync<JsonObject>($"/api/instances/{dossier!.InstanceId}");
        var seenByAdmin = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{dossier.InstanceId}");

        Assert.Equal("***", seenByAuditor!["variables"]!["pages"]!.GetValue<string>());
        Assert.IsType<JsonArray>(seenByAdmin!["variables"]!["pages"]);
        Assert.NotEqual("\"***\"", seenByAuditor["variables"]!["identity"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.BackOffice.SignInAsync("clerk")).GetAsync($"/api/instances/{dossier.InstanceId}")).StatusCode);
    }
}
