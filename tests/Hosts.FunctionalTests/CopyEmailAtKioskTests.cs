using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Delivery.Email;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.Samples.KioskSimulator.Submission;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The copy's screen lets a citizen who gave no address ask for the copy by e-mail: once, for an
/// issued copy, with a valid address; the message goes out through the outbox to an SMTP server on a socket.
/// </summary>
public sealed class CopyEmailAtKioskTests(AutoApprovingGateway fixture) : IClassFixture<AutoApprovingGateway>
{
    [Fact]
    public async Task An_issued_copy_is_e_mailed_once_to_the_address_asked_for_at_the_kiosk()
    {
        var ct = CancellationToken.None;
        var kiosk = fixture.Kiosk();
        var issued = await new DossierSubmitter(kiosk).SubmitAsync(SyntheticCase.Create("cccd", seed: 1002, KioskGatewayOnLoopback.Faces) with { WaitSeconds = 60 }, ct);
        Assert.Equal("Issued", issued.Status);

        var invalid = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.EmailCopyAsync(issued.DossierId, "not an address", ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);

        var view = await kiosk.EmailCopyAsync(issued.DossierId, "sau.khi.cap@example.vn", ct);
        Assert.Equal("queued", view["emailStatus"]!.GetValue<string>());
        var dossier = await fixture.Host.Services.GetRequiredService<DossierStore>().GetAsync(issued.DossierId, ct);
        var mail = await fixture.Mail.WaitForAsync(CopyEmail.MessageId(issued.DossierId, dossier!.CopyId!.Value), TimeSpan.FromSeconds(60));
        Assert.Equal("sau.khi.cap@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Single(mail.Attachments);

        var again = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.EmailCopyAsync(issued.DossierId, "ke.khac@example.vn", ct));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("wrong-stage", again.Code);
    }

    [Fact]
    public async Task A_copy_e_mailed_while_the_mail_server_is_down_goes_out_once_it_is_back_under_its_stable_message_id()
    {
        var ct = CancellationToken.None;
        var kiosk = fixture.Kiosk();
        var issued = await new DossierSubmitter(kiosk).SubmitAsync(SyntheticCase.Create("cccd", seed: 1002, KioskGatewayOnLoopback.Faces) with { WaitSeconds = 60 }, ct);
        Assert.Equal("Issued", issued.Status);
        var dossier = await fixture.Host.Services.GetRequiredService<DossierStore>().GetAsync(issued.DossierId, ct);
        var messageId = CopyEmail.MessageId(issued.DossierId, dossier!.CopyId!.Value);
        var queue = fixture.Host.Services.GetRequiredService<SmartKiosk.Workflows.Contracts.IWorkflowDbContextFactory>();

        await fixture.Mail.StopAsync();
        try
        {
            Assert.Equal("queued", (await kiosk.EmailCopyAsync(issued.DossierId, "luc.may.hong@example.vn", ct))["emailStatus"]!.GetValue<string>());

            // The outbox tries, fails on the refused connection, and keeps the message for later.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                await using var db = queue.Create();
                var item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Topic == SendCopyByEmail.Topic && w.PayloadJson!.Contains(issued.DossierId.ToString()), patience.Token);
                if (item.Attempts >= 2)
                {
                    Assert.Null(item.CompletedAt);
                    Assert.False(string.IsNullOrEmpty(item.LastError));
                    break;
                }
                await Task.Delay(100, patience.Token);
            }
        }
        finally
        {
            fixture.Mail.Resume();
        }

        var mail = await fixture.Mail.WaitForAsync(messageId, TimeSpan.FromSeconds(60));
        Assert.Equal("luc.may.hong@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Equal(messageId, mail.MessageId);
    }

    [Fact]
    public async Task A_copy_not_yet_issued_cannot_be_e_mailed_from_the_kiosk()
    {
        var kiosk = fixture.Kiosk();
        var started = await kiosk.StartAsync("cccd", CancellationToken.None);
        var refused = await Assert.ThrowsAsync<KioskApiException>(() => kiosk.EmailCopyAsync(Guid.Parse(started["dossierId"]!.GetValue<string>()), "som@example.vn", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
    }
}
